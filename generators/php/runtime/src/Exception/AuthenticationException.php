<?php

declare(strict_types=1);

namespace Embott\Exception;

/** HTTP 401: The API key is missing, malformed or unknown. */
class AuthenticationException extends ApiException
{
}
