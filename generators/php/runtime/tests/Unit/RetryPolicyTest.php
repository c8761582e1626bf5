<?php

declare(strict_types=1);

namespace Embott\Tests\Unit;

use Embott\Core\RetryPolicy;
use PHPUnit\Framework\TestCase;

final class RetryPolicyTest extends TestCase
{
    public function testRetriesTimeoutsRateLimitsAndServerErrorsButNotConflicts(): void
    {
        foreach ([408, 429, 500, 502, 503, 504, 599] as $status) {
            self::assertTrue(RetryPolicy::isRetryable($status, []), "$status");
        }
        foreach ([400, 401, 403, 404, 409, 422] as $status) {
            self::assertFalse(RetryPolicy::isRetryable($status, []), "$status");
        }
    }

    public function testXShouldRetryWins(): void
    {
        self::assertTrue(RetryPolicy::isRetryable(409, ['x-should-retry' => 'true']));
        self::assertFalse(RetryPolicy::isRetryable(503, ['x-should-retry' => ' FALSE ']));
        self::assertTrue(RetryPolicy::isRetryable(503, ['x-should-retry' => 'maybe']));
    }

    public function testBackoffDoublesUpToEightSecondsWithAtMostAQuarterJitter(): void
    {
        self::assertSame(0.5, RetryPolicy::backoff(0, 0.0));
        self::assertSame(0.375, RetryPolicy::backoff(0, 1.0));
        self::assertSame(1.0, RetryPolicy::backoff(1, 0.0));
        self::assertSame(8.0, RetryPolicy::backoff(4, 0.0));
        self::assertSame(8.0, RetryPolicy::backoff(60, 0.0));
        self::assertGreaterThan(0.0, RetryPolicy::backoff(0, 0.9999));
    }

    public function testReadsRetryAfterAsSecondsDateOrMilliseconds(): void
    {
        $now = 1_798_761_600.0;
        self::assertSame(2.5, RetryPolicy::serverWait(['retry-after' => '2.5'], $now));
        self::assertSame(0.25, RetryPolicy::serverWait(['retry-after-ms' => '250', 'retry-after' => '9'], $now));
        $date = gmdate('D, d M Y H:i:s \G\M\T', (int) $now + 30);
        self::assertSame(30.0, RetryPolicy::serverWait(['retry-after' => $date], $now));
        $past = gmdate('D, d M Y H:i:s \G\M\T', (int) $now - 5);
        self::assertNull(RetryPolicy::serverWait(['retry-after' => $past], $now));
        self::assertNull(RetryPolicy::serverWait(['retry-after' => 'soon'], $now));
        self::assertNull(RetryPolicy::serverWait(['retry-after' => '-1'], $now));
        self::assertNull(RetryPolicy::serverWait([], $now));
    }

    public function testServerWaitGetsALittleJitterAndNeverLess(): void
    {
        self::assertSame(2.0, RetryPolicy::delay(0, ['retry-after' => '2'], 60.0, 0.0, 0.0));
        $jittered = RetryPolicy::delay(0, ['retry-after' => '2'], 60.0, 0.99, 0.0);
        self::assertGreaterThan(2.0, $jittered);
        self::assertLessThanOrEqual(2.2, $jittered);
    }

    public function testAWaitOverTheCapMeansGiveUpAndZeroMeansBackoff(): void
    {
        self::assertNull(RetryPolicy::delay(0, ['retry-after' => '61'], 60.0, 0.5, 0.0));
        self::assertSame(RetryPolicy::backoff(1, 0.5), RetryPolicy::delay(1, ['retry-after' => '0'], 60.0, 0.5, 0.0));
    }
}
