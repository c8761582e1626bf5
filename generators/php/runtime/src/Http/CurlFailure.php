<?php

declare(strict_types=1);

namespace Embott\Http;

use Embott\Exception\ConnectionException;
use Embott\Exception\TimeoutException;

/** Turns a curl error into a typed exception that names the host, never the full URL (it may carry a key). */
final class CurlFailure
{
    public static function from(int $errno, string $error, Request $request): ConnectionException
    {
        $where = self::hostAndPort($request->url);
        if ($errno === CURLE_OPERATION_TIMEDOUT) {
            return new TimeoutException(sprintf(
                '%s %s timed out after %s s (%s). Raise the timeout option or try again later.',
                $request->method,
                $where,
                rtrim(rtrim(number_format($request->timeout, 3, '.', ''), '0'), '.'),
                self::withoutUrl($error),
            ));
        }
        return new ConnectionException(sprintf(
            'Could not complete %s %s: %s (curl error %d). Check the base URL and your network.',
            $request->method,
            $where,
            self::withoutUrl($error),
            $errno,
        ));
    }

    public static function hostAndPort(string $url): string
    {
        $parts = parse_url($url);
        $host = is_array($parts) ? ($parts['host'] ?? '?') : '?';
        $scheme = is_array($parts) ? ($parts['scheme'] ?? 'http') : 'http';
        $port = is_array($parts) ? ($parts['port'] ?? ($scheme === 'https' ? 443 : 80)) : 80;
        return "$host:$port";
    }

    private static function withoutUrl(string $error): string
    {
        return (string) preg_replace('~https?://\S+~', '<url>', $error);
    }
}
