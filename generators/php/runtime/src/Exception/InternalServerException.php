<?php

declare(strict_types=1);

namespace Embott\Exception;

/** HTTP 500: The server failed (any 5xx status). */
class InternalServerException extends ApiException
{
}
