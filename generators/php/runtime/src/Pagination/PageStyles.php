<?php

declare(strict_types=1);

namespace Embott\Pagination;

use Embott\Exception\SdkException;

/** The four pagination styles: where a page's items are and which request fetches the next page. */
final class PageStyles
{
    /** @return list<mixed> */
    public static function items(mixed $body, Pagination $pagination): array
    {
        $path = $pagination->items ?? 'data';
        $bare = is_array($body) && array_is_list($body) && $pagination->items === null;
        $items = $bare ? $body : self::read($body, $path);
        if (!is_array($items) || !array_is_list($items)) {
            $got = get_debug_type($items);
            throw new SdkException("Expected a list at \"$path\" in the list response, got $got.");
        }
        return $items;
    }

    /**
     * The next page's path and query (the original query with only the cursor, offset or page replaced, so
     * filters and limit carry over), or null on the last page.
     *
     * @param array<string, mixed> $query
     * @param array<string, string> $headers
     * @return array{string, array<string, mixed>}|null
     */
    public static function next(
        Pagination $p,
        string $path,
        array $query,
        mixed $body,
        array $headers,
        int $count,
        string $baseUrl,
    ): ?array {
        if ($count === 0) {
            return null;
        }
        $limit = $p->limitParam !== null ? self::number($query[$p->limitParam] ?? null) : null;
        $fullPage = $limit === null || $count >= $limit;
        switch ($p->style) {
            case 'cursor':
                $hasMore = $p->hasMore !== null ? self::read($body, $p->hasMore) : null;
                if ($hasMore === false || ($p->itemCursor !== null && $hasMore === null && !$fullPage)) {
                    return null;
                }
                $cursor = self::cursor($p, $body);
                if ($cursor === null) {
                    return null;
                }
                return [$path, self::with($query, (string) $p->cursorParam, $cursor)];
            case 'offset':
                $offset = (int) (self::number($query[(string) $p->offsetParam] ?? null) ?? 0) + $count;
                $total = $p->total !== null ? self::number(self::read($body, $p->total)) : null;
                $more = $total !== null ? $offset < $total : $fullPage;
                return $more ? [$path, self::with($query, (string) $p->offsetParam, $offset)] : null;
            case 'page':
                $current = (int) (self::number($query[(string) $p->pageParam] ?? null) ?? $p->startPage);
                $totalPages = $p->totalPages !== null ? self::number(self::read($body, $p->totalPages)) : null;
                $more = $totalPages !== null ? $current - $p->startPage + 1 < $totalPages : $fullPage;
                return $more ? [$path, self::with($query, (string) $p->pageParam, $current + 1)] : null;
            default:
                return self::nextLink($p, $body, $headers, $baseUrl);
        }
    }

    /**
     * The next cursor: the body's `nextCursor` field, or (Stripe style, `itemCursor`) that field of the page's
     * last item; null when there is none.
     */
    private static function cursor(Pagination $p, mixed $body): ?string
    {
        if ($p->itemCursor !== null) {
            $items = self::items($body, $p);
            $cursor = self::read($items[count($items) - 1] ?? null, $p->itemCursor);
        } else {
            $cursor = self::read($body, (string) $p->nextCursor);
        }
        if (is_int($cursor)) {
            $cursor = (string) $cursor;
        }
        return is_string($cursor) && $cursor !== '' ? $cursor : null;
    }

    /** The URL of the `rel="next"` entry of an RFC 8288 Link header. */
    public static function nextFromLinkHeader(?string $header): ?string
    {
        $pattern = '/<([^>]*)>((?:\s*;\s*[^;,]+)*)/';
        if ($header === null || preg_match_all($pattern, $header, $matches, PREG_SET_ORDER) === 0) {
            return null;
        }
        foreach ($matches as $match) {
            $rel = preg_match('/;\s*rel\s*=\s*"?([^";,]+)"?/i', $match[2], $found) === 1 ? $found[1] : '';
            if (in_array('next', preg_split('/\s+/', strtolower($rel)) ?: [], true)) {
                return $match[1];
            }
        }
        return null;
    }

    /**
     * Follows the body's next URL or the Link header, only to the API's own origin so the key never leaves it.
     *
     * @param array<string, string> $headers
     * @return array{string, array<string, mixed>}|null
     */
    private static function nextLink(Pagination $p, mixed $body, array $headers, string $baseUrl): ?array
    {
        $target = $p->nextUrl !== null
            ? self::read($body, $p->nextUrl)
            : self::nextFromLinkHeader($headers['link'] ?? null);
        if (!is_string($target) || $target === '') {
            return null;
        }
        $absolute = preg_match('~^https?://~i', $target) === 1
            ? $target
            : self::origin($baseUrl) . '/' . ltrim(self::relative($target, $baseUrl), '/');
        $origin = self::origin($absolute);
        if ($origin !== self::origin($baseUrl)) {
            throw new SdkException("Refusing to follow a pagination link to another origin ($origin).");
        }
        return [$absolute, []];
    }

    private static function relative(string $target, string $baseUrl): string
    {
        if (str_starts_with($target, '/')) {
            return $target;
        }
        $basePath = (string) (parse_url($baseUrl, PHP_URL_PATH) ?? '');
        return rtrim($basePath, '/') . '/' . $target;
    }

    private static function origin(string $url): string
    {
        $parts = parse_url($url);
        if (!is_array($parts)) {
            return '';
        }
        $scheme = strtolower($parts['scheme'] ?? '');
        $port = $parts['port'] ?? ($scheme === 'https' ? 443 : 80);
        return $scheme . '://' . strtolower($parts['host'] ?? '') . ':' . $port;
    }

    private static function read(mixed $value, string $path): mixed
    {
        foreach (explode('.', $path) as $key) {
            if (!is_array($value) || !array_key_exists($key, $value)) {
                return null;
            }
            $value = $value[$key];
        }
        return $value;
    }

    private static function number(mixed $value): int|float|null
    {
        if (is_int($value) || is_float($value)) {
            return $value;
        }
        return is_string($value) && is_numeric($value) ? $value + 0 : null;
    }

    /**
     * The query with one parameter set: replaced where it was, else appended after the caller's parameters.
     *
     * @param array<string, mixed> $query
     * @return array<string, mixed>
     */
    private static function with(array $query, string $name, mixed $value): array
    {
        $query[$name] = $value;
        return $query;
    }
}
