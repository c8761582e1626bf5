<?php

declare(strict_types=1);

namespace Embott\Core;

/**
 * Query strings: lists repeat the key (`a=1&a=2`), maps use brackets (`filter[status]=open`), booleans are
 * `true`/`false`, dates ISO 8601, and null values are left out.
 */
final class Query
{
    /** @param array<string, mixed> $params */
    public static function build(array $params): string
    {
        $pairs = [];
        foreach ($params as $key => $value) {
            self::append($pairs, (string) $key, $value);
        }
        return implode('&', array_map(
            static fn (array $pair): string => rawurlencode($pair[0]) . '=' . rawurlencode($pair[1]),
            $pairs,
        ));
    }

    /** `$url` with the query appended (after any query it already has). */
    public static function appendTo(string $url, string $query): string
    {
        if ($query === '') {
            return $url;
        }
        return $url . (str_contains($url, '?') ? '&' : '?') . $query;
    }

    /** @param list<array{string, string}> $pairs */
    private static function append(array &$pairs, string $key, mixed $value): void
    {
        if ($value === null) {
            return;
        }
        if ($value instanceof \DateTimeInterface) {
            $pairs[] = [$key, $value->format(\DATE_RFC3339)];
        } elseif ($value instanceof \BackedEnum) {
            $pairs[] = [$key, (string) $value->value];
        } elseif (is_array($value)) {
            foreach ($value as $child => $item) {
                self::append($pairs, array_is_list($value) ? $key : "{$key}[$child]", $item);
            }
        } elseif (is_bool($value)) {
            $pairs[] = [$key, $value ? 'true' : 'false'];
        } elseif (is_scalar($value)) {
            $pairs[] = [$key, (string) $value];
        } else {
            throw new \Embott\Exception\InvalidArgumentException(
                "Query parameter \"$key\" cannot be sent: " . get_debug_type($value)
                    . ' is not a string, number, boolean, date or array.',
                $key,
            );
        }
    }
}
