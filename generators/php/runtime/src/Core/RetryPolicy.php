<?php

declare(strict_types=1);

namespace Embott\Core;

/**
 * When and how long to wait before retrying, the same in every Embott SDK: connection errors, timeouts, 408,
 * 429 and >= 500 are retried (409 is not), `x-should-retry` overrides the status, backoff is
 * min(0.5 s · 2^n, 8 s) × (1 − 0.25·rand), and a server-sent wait (`retry-after-ms`, `Retry-After` in seconds
 * or as an HTTP-date) is honoured with up to 10 % jitter, unless it exceeds the cap: then the SDK gives up at once.
 */
final class RetryPolicy
{
    private const INITIAL_DELAY = 0.5;
    private const MAX_DELAY = 8.0;
    private const MAX_JITTER = 0.25;
    private const SERVER_JITTER = 0.1;

    /**
     * @param array<string, string> $headers lower-case names
     * @param list<int> $statuses statuses below `$minServerError` that are retried
     */
    public static function isRetryable(
        int $status,
        array $headers,
        array $statuses = [408, 429],
        int $minServerError = 500,
    ): bool {
        $override = strtolower(trim($headers['x-should-retry'] ?? ''));
        if ($override === 'true' || $override === 'false') {
            return $override === 'true';
        }
        return $status >= $minServerError || in_array($status, $statuses, true);
    }

    /** Our own backoff for the `$retryIndex`-th retry (0 = first), in seconds; `$random` in [0, 1). */
    public static function backoff(int $retryIndex, float $random): float
    {
        $base = min(self::INITIAL_DELAY * 2 ** min($retryIndex, 16), self::MAX_DELAY);
        return $base * (1 - self::MAX_JITTER * $random);
    }

    /**
     * Seconds the server asked to wait: `retry-after-ms`, else `Retry-After` as seconds (fractions allowed) or an
     * HTTP-date relative to `$now` (unix seconds). Null when absent, unparsable or not in the future.
     *
     * @param array<string, string> $headers lower-case names
     */
    public static function serverWait(array $headers, float $now): ?float
    {
        $milliseconds = self::nonNegative($headers['retry-after-ms'] ?? null);
        if ($milliseconds !== null) {
            return $milliseconds / 1000;
        }
        $value = trim($headers['retry-after'] ?? '');
        if ($value === '') {
            return null;
        }
        $seconds = self::nonNegative($value);
        if ($seconds !== null) {
            return $seconds;
        }
        $date = \DateTimeImmutable::createFromFormat(\DATE_RFC7231, $value, new \DateTimeZone('UTC'));
        if ($date === false) {
            return null;
        }
        $wait = (float) $date->format('U') - $now;
        return $wait > 0 ? $wait : null;
    }

    /**
     * Seconds to wait before the next retry, or null to give up now because the server asked for more than
     * `$cap` seconds (retrying sooner would fail and burn rate limit).
     *
     * @param array<string, string> $headers
     */
    public static function delay(int $retryIndex, array $headers, float $cap, float $random, float $now): ?float
    {
        $requested = self::serverWait($headers, $now);
        if ($requested !== null && $requested > $cap) {
            return null;
        }
        if ($requested !== null && $requested > 0) {
            return $requested * (1 + self::SERVER_JITTER * $random);
        }
        return self::backoff($retryIndex, $random);
    }

    private static function nonNegative(?string $value): ?float
    {
        return $value !== null && preg_match('/^\s*\d+(\.\d+)?\s*$/', $value) === 1 ? (float) $value : null;
    }
}
