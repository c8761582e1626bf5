<?php

declare(strict_types=1);

namespace Embott\Core;

use Embott\Exception\InvalidArgumentException;

/**
 * Encodes a request body: JSON (compact, UTF-8, null kept), `application/x-www-form-urlencoded` (space as `+`,
 * per-field style), `multipart/form-data` (files as parts with a filename), text or raw bytes.
 */
final class Body
{
    /**
     * @param array<string, Style> $styles form and multipart fields' serialisation
     * @param list<string> $files multipart fields that are files (raw bytes become a part with a filename)
     * @return array{string, string} the payload and its Content-Type
     */
    public static function encode(mixed $body, string $encoding, string $mediaType, array $styles, array $files): array
    {
        return match ($encoding) {
            'form' => [self::form(self::fields($body, $encoding), $styles), $mediaType],
            'multipart' => self::multipart(self::fields($body, $encoding), $styles, $files),
            'text' => [self::bytes($body, $encoding), $mediaType],
            'binary' => [$body instanceof File ? $body->contents : self::bytes($body, $encoding), $mediaType],
            default => [Json::encode($body), $mediaType],
        };
    }

    /**
     * @param array<string, mixed> $fields
     * @param array<string, Style> $styles
     */
    private static function form(array $fields, array $styles): string
    {
        $pairs = [];
        foreach ($fields as $name => $value) {
            $name = (string) $name;
            $style = $styles[$name] ?? null;
            if ($value === null) {
                continue;
            }
            if (!is_array($value)) {
                $pairs[] = [$name, Query::scalar($name, $value)];
            } elseif (array_is_list($value) && ($style?->style ?? 'form') === 'form' && !self::nested($value)) {
                $scalars = array_filter($value, 'is_scalar');
                $items = array_map(static fn (mixed $item): string => Query::scalar($name, $item), $scalars);
                if ($style?->explode ?? true) {
                    array_push($pairs, ...array_map(static fn (string $item): array => [$name, $item], $items));
                } else {
                    $pairs[] = [$name, implode(',', $items)];
                }
            } else {
                array_push($pairs, ...Query::brackets($name, $value, ($style?->style ?? 'form') === 'deepObject'));
            }
        }
        $encode = static fn (string $text): string => str_replace('%20', '+', rawurlencode($text));
        $encoded = array_map(static fn (array $pair): string => $encode($pair[0]) . '=' . $encode($pair[1]), $pairs);
        return implode('&', $encoded);
    }

    /**
     * @param array<string, mixed> $fields
     * @param array<string, Style> $styles
     * @param list<string> $files
     * @return array{string, string}
     */
    private static function multipart(array $fields, array $styles, array $files): array
    {
        $boundary = 'embott-' . bin2hex(random_bytes(12));
        $body = '';
        foreach ($fields as $name => $value) {
            $name = (string) $name;
            foreach (is_array($value) && array_is_list($value) ? $value : [$value] as $item) {
                if ($item === null) {
                    continue;
                }
                $contentType = $styles[$name]->contentType ?? null;
                if ($item instanceof File || in_array($name, $files, true)) {
                    $file = $item instanceof File ? $item : new File(self::bytes($item, 'multipart'));
                    $filename = str_replace(['"', "\r", "\n"], ['%22', '', ''], $file->filename ?? $name);
                    $type = $file->contentType ?? $contentType ?? 'application/octet-stream';
                    $head = "Content-Disposition: form-data; name=\"$name\"; filename=\"$filename\"\r\n"
                        . "Content-Type: $type";
                    $content = $file->contents;
                } elseif (is_array($item)) {
                    $head = "Content-Disposition: form-data; name=\"$name\"\r\nContent-Type: application/json";
                    $content = Json::encode($item);
                } else {
                    $head = "Content-Disposition: form-data; name=\"$name\"";
                    $content = Query::scalar($name, $item);
                }
                $body .= "--$boundary\r\n$head\r\n\r\n$content\r\n";
            }
        }
        return ["$body--$boundary--\r\n", "multipart/form-data; boundary=$boundary"];
    }

    /** @return array<string, mixed> */
    private static function fields(mixed $body, string $encoding): array
    {
        if ($body instanceof \stdClass) {
            return [];
        }
        if (!is_array($body)) {
            $type = get_debug_type($body);
            throw new InvalidArgumentException("A $encoding body must be an array of fields, got $type.");
        }
        return $body;
    }

    private static function bytes(mixed $body, string $encoding): string
    {
        if (!is_string($body)) {
            throw new InvalidArgumentException("A $encoding body must be a string, got " . get_debug_type($body) . '.');
        }
        return $body;
    }

    /** @param array<mixed> $value */
    private static function nested(array $value): bool
    {
        foreach ($value as $item) {
            if (is_array($item)) {
                return true;
            }
        }
        return false;
    }
}
