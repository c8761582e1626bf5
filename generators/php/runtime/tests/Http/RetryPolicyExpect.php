<?php

declare(strict_types=1);

namespace Embott\Tests\Http;

/** The backoff the house rules prescribe, written out independently of RetryPolicy, for random = 0.5. */
final class RetryPolicyExpect
{
    public static function backoff(int $retry): float
    {
        return min(0.5 * 2 ** $retry, 8.0) * (1 - 0.25 * 0.5);
    }
}
