<?php

declare(strict_types=1);

namespace Embott\Core;

use Embott\Exception\InvalidArgumentException;

/** JSON for request bodies: UTF-8 as is, slashes unescaped, models and dates serialised, bad input a clear error. */
final class Json
{
    private const FLAGS = JSON_THROW_ON_ERROR | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE;

    public static function encode(mixed $value): string
    {
        try {
            return json_encode(self::prepare($value), self::FLAGS);
        } catch (\JsonException $error) {
            throw new InvalidArgumentException(
                "The request body cannot be encoded as JSON: {$error->getMessage()} (strings must be valid UTF-8).",
            );
        }
    }

    private static function prepare(mixed $value): mixed
    {
        if ($value instanceof \DateTimeInterface) {
            return $value->format(\DATE_RFC3339_EXTENDED);
        }
        if (is_array($value)) {
            return array_map(self::prepare(...), $value);
        }
        return $value;
    }
}
