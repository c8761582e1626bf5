<?php

declare(strict_types=1);

namespace Embott\Exception;

/** HTTP 400: The request was malformed or had invalid parameters. */
class BadRequestException extends ApiException
{
}
