<?php

declare(strict_types=1);

namespace Embott\Core;

/** The rate-limit headers of a response. */
final class RateLimit
{
    public function __construct(
        public readonly ?int $limit,
        public readonly ?int $remaining,
        /** Unix seconds when the window resets. */
        public readonly ?int $reset,
        /** Seconds the server asked to wait before retrying. */
        public readonly ?float $retryAfter,
    ) {
    }

    /** @param array<string, string> $headers lower-case names */
    public static function fromHeaders(array $headers, ?float $retryAfter): ?self
    {
        $read = static function (string $name) use ($headers): ?int {
            $value = trim($headers[$name] ?? '');
            return preg_match('/^\d+$/', $value) === 1 ? (int) $value : null;
        };
        $info = new self(
            $read('x-ratelimit-limit'),
            $read('x-ratelimit-remaining'),
            $read('x-ratelimit-reset'),
            $retryAfter,
        );
        $any = $info->limit !== null || $info->remaining !== null || $info->reset !== null || $retryAfter !== null;
        return $any ? $info : null;
    }
}
