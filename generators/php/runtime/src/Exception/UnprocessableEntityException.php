<?php

declare(strict_types=1);

namespace Embott\Exception;

/** HTTP 422: The request was well-formed but semantically invalid. */
class UnprocessableEntityException extends ApiException
{
}
