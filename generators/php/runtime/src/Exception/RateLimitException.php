<?php

declare(strict_types=1);

namespace Embott\Exception;

/** HTTP 429: too many requests. `getRetryAfter()` says how many seconds to wait. */
class RateLimitException extends ApiException
{
}
