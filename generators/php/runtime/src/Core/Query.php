<?php

declare(strict_types=1);

namespace Embott\Core;

use Embott\Exception\InvalidArgumentException;

/**
 * Query strings, path segments and header values per OpenAPI serialisation. Names and values are percent-encoded
 * except RFC 3986 unreserved characters (space is %20); `allowReserved` keeps reserved ones. Lists: form+explode
 * repeats the key, form without explode joins with `,`, pipeDelimited with `|`, spaceDelimited with `%20`; objects:
 * form+explode writes each property, deepObject `name[key]=value`. Null values are left out.
 */
final class Query
{
    private const RESERVED = [
        '%3A' => ':', '%2F' => '/', '%3F' => '?', '%23' => '#', '%5B' => '[', '%5D' => ']', '%40' => '@',
        '%21' => '!', '%24' => '$', '%26' => '&', '%27' => "'", '%28' => '(', '%29' => ')', '%2A' => '*',
        '%2B' => '+', '%2C' => ',', '%3B' => ';', '%3D' => '=',
    ];

    /**
     * @param array<string, mixed> $params in the order they are sent
     * @param array<string, Style> $styles by parameter name; default form + explode
     */
    public static function build(array $params, array $styles = []): string
    {
        if ($params === []) {
            return '';
        }
        $parts = [];
        foreach ($params as $name => $value) {
            if ($value !== null) {
                array_push($parts, ...self::param((string) $name, $value, $styles[$name] ?? null));
            }
        }
        return implode('&', $parts);
    }

    /** `$url` with the query appended (after any query it already has). */
    public static function appendTo(string $url, string $query): string
    {
        if ($query === '') {
            return $url;
        }
        return $url . (str_contains($url, '?') ? '&' : '?') . $query;
    }

    /** A path parameter's value: simple (default), label or matrix style. */
    public static function pathValue(string $name, mixed $value, ?Style $style): string
    {
        if ($style === null && !is_array($value)) {
            return rawurlencode(self::scalar($name, $value)); // the common case: one simple value
        }
        $explode = $style?->explode ?? false;
        $items = is_array($value) ? self::flatItems($name, $value, $explode) : [self::scalar($name, $value)];
        $encoded = array_map(static fn (string $item): string => rawurlencode($item), $items);
        return match ($style?->style ?? 'simple') {
            'label' => '.' . implode($explode ? '.' : ',', $encoded),
            'matrix' => ';' . rawurlencode($name) . '=' . implode(',', $encoded),
            default => implode(',', $encoded),
        };
    }

    /** A header parameter's value (simple style): lists and objects joined with `,`. */
    public static function headerValue(string $name, mixed $value, ?Style $style): string
    {
        if (!is_array($value)) {
            return self::scalar($name, $value);
        }
        return implode(',', self::flatItems($name, $value, $style?->explode ?? false));
    }

    /** A scalar as text: booleans `true`/`false`, dates ISO 8601, backed enums their value. */
    public static function scalar(string $name, mixed $value): string
    {
        return match (true) {
            is_bool($value) => $value ? 'true' : 'false',
            is_string($value) => $value,
            is_int($value), is_float($value) => (string) $value,
            $value instanceof \DateTimeInterface => $value->format(\DATE_RFC3339),
            $value instanceof \BackedEnum => (string) $value->value,
            default => throw new InvalidArgumentException(
                "Parameter \"$name\" cannot be sent: " . get_debug_type($value)
                    . ' is not a string, number, boolean, date or array.',
                $name,
            ),
        };
    }

    /** @return list<string> "name=value" pairs, encoded */
    private static function param(string $name, mixed $value, ?Style $style): array
    {
        $kind = $style?->style ?? 'form';
        $explode = $style?->explode ?? true;
        $encode = static fn (string $text): string => self::encode($text, $style?->allowReserved ?? false);
        $key = rawurlencode($name);
        if (!is_array($value)) {
            return ["$key=" . $encode(self::scalar($name, $value))];
        }
        if ($kind === 'deepObject' || !self::isFlat($value)) {
            return array_map(
                static fn (array $pair): string => rawurlencode($pair[0]) . '=' . $encode($pair[1]),
                self::brackets($name, $value),
            );
        }
        if (!array_is_list($value) && $kind === 'form' && $explode) {
            $pairs = [];
            foreach ($value as $property => $item) {
                if ($item !== null) {
                    $pairs[] = rawurlencode((string) $property) . '=' . $encode(self::scalar($name, $item));
                }
            }
            return $pairs;
        }
        $items = array_map($encode, self::flatItems($name, $value, false));
        return match (true) {
            $kind === 'spaceDelimited' => ["$key=" . implode('%20', $items)],
            $kind === 'pipeDelimited' => ["$key=" . implode('|', $items)],
            $explode && array_is_list($value) => array_map(static fn (string $item): string => "$key=$item", $items),
            default => ["$key=" . implode(',', $items)],
        };
    }

    /**
     * `[name[key], value]` pairs for nested values (lists of objects are indexed: `items[0][price]`).
     *
     * @param array<mixed> $value
     * @return list<array{string, string}>
     */
    public static function brackets(string $name, array $value, bool $emptyIndexForScalars = false): array
    {
        $pairs = [];
        $scalarList = array_is_list($value) && self::isFlat($value);
        foreach ($value as $key => $item) {
            if ($item === null) {
                continue;
            }
            $child = $scalarList ? ($emptyIndexForScalars ? "{$name}[]" : $name) : "{$name}[$key]";
            if (is_array($item)) {
                array_push($pairs, ...self::brackets($child, $item, $emptyIndexForScalars));
            } else {
                $pairs[] = [$child, self::scalar($name, $item)];
            }
        }
        return $pairs;
    }

    /**
     * A list's items, or an object's keys and values in turn (`k,v,k,v`; with explode `k=v`).
     *
     * @param array<mixed> $value
     * @return list<string>
     */
    private static function flatItems(string $name, array $value, bool $explode): array
    {
        $items = [];
        foreach ($value as $key => $item) {
            if ($item === null) {
                continue;
            }
            if (array_is_list($value)) {
                $items[] = self::scalar($name, $item);
            } elseif ($explode) {
                $items[] = "$key=" . self::scalar($name, $item);
            } else {
                array_push($items, (string) $key, self::scalar($name, $item));
            }
        }
        return $items;
    }

    /** @param array<mixed> $value */
    private static function isFlat(array $value): bool
    {
        foreach ($value as $item) {
            if (is_array($item)) {
                return false;
            }
        }
        return true;
    }

    private static function encode(string $text, bool $allowReserved): string
    {
        $encoded = rawurlencode($text);
        return $allowReserved ? strtr($encoded, self::RESERVED) : $encoded;
    }
}
