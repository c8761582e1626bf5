<?php

declare(strict_types=1);

namespace Embott\Core;

use Embott\Exception\SdkException;

/**
 * Reads typed fields out of a decoded JSON object for a generated model's fromArray(). A required field that is
 * missing or of the wrong type is an SdkException naming the model and field; `$nullable` fields (optional or
 * nullable in the spec) read as null when absent. Enum fields are plain strings, so new values are accepted.
 */
final class Fields
{
    /** @param array<string, mixed> $data */
    public function __construct(private readonly array $data, private readonly string $model)
    {
    }

    public function string(string $key, bool $nullable = false): ?string
    {
        $value = $this->data[$key] ?? null;
        return is_string($value) ? $value : $this->read($key, $nullable, 'string', is_string(...));
    }

    public function int(string $key, bool $nullable = false): ?int
    {
        $isInt = static fn (mixed $v): bool => is_int($v) || self::integral($v);
        $value = $this->read($key, $nullable, 'integer', $isInt);
        return $value === null ? null : (int) $value;
    }

    public function float(string $key, bool $nullable = false): ?float
    {
        $value = $this->read($key, $nullable, 'number', static fn (mixed $v): bool => is_int($v) || is_float($v));
        return $value === null ? null : (float) $value;
    }

    public function bool(string $key, bool $nullable = false): ?bool
    {
        $value = $this->data[$key] ?? null;
        return is_bool($value) ? $value : $this->read($key, $nullable, 'boolean', is_bool(...));
    }

    /** A free-form JSON object or array. @return array<mixed>|null */
    public function array(string $key, bool $nullable = false): ?array
    {
        return $this->read($key, $nullable, 'object or array', static fn (mixed $v): bool => is_array($v));
    }

    /** Any JSON value (a union of scalars, or a schema-less field). */
    public function mixed(string $key): mixed
    {
        return $this->data[$key] ?? null;
    }

    /**
     * A nested object built by `$class::fromArray()`.
     *
     * @template T of object
     * @param class-string<T> $class
     * @return T|null
     */
    public function model(string $key, string $class, bool $nullable = false): ?object
    {
        $value = $this->data[$key] ?? null;
        if (!is_array($value)) {
            $value = $this->read($key, $nullable, 'object', is_array(...));
        }
        return $value === null ? null : $class::fromArray($value);
    }

    /**
     * A JSON array whose items are models (`$item` a class) or scalars ("string", "int", "float", "bool",
     * "array", "mixed").
     *
     * @return list<mixed>|null
     */
    public function list(string $key, string $item, bool $nullable = false): ?array
    {
        $value = $this->data[$key] ?? null;
        if (!is_array($value) || !array_is_list($value)) {
            $isList = static fn (mixed $v): bool => is_array($v) && array_is_list($v);
            $value = $this->read($key, $nullable, 'array', $isList);
            if ($value === null) {
                return null;
            }
        }
        if ($item === 'string' && array_filter($value, 'is_string') === $value) {
            return $value;
        }
        return array_map(fn (mixed $one): mixed => $this->item($key, $item, $one), $value);
    }

    /**
     * A JSON object used as a map whose values are models or scalars (see list()).
     *
     * @return array<string, mixed>|null
     */
    public function map(string $key, string $item, bool $nullable = false): ?array
    {
        $value = $this->data[$key] ?? null;
        if (!is_array($value)) {
            $value = $this->read($key, $nullable, 'object', is_array(...));
            if ($value === null) {
                return null;
            }
        }
        if ($item === 'string' && array_filter($value, 'is_string') === $value) {
            return $value; // keys as they are: PHP keeps integer-like keys as integers either way
        }
        $map = [];
        foreach ($value as $name => $one) {
            $map[(string) $name] = $this->item("$key.$name", $item, $one);
        }
        return $map;
    }

    private function item(string $key, string $type, mixed $value): mixed
    {
        $valid = match ($type) {
            'string' => is_string($value),
            'int' => is_int($value) || self::integral($value),
            'float' => is_int($value) || is_float($value),
            'bool' => is_bool($value),
            'array' => is_array($value),
            'mixed' => true,
            default => is_array($value),
        };
        if (!$valid) {
            $scalar = in_array($type, ['string', 'int', 'float', 'bool', 'mixed'], true);
            throw $this->mismatch($key, $scalar ? $type : 'object', $value);
        }
        return match ($type) {
            'string', 'bool', 'array', 'mixed' => $value,
            'int' => (int) $value,
            'float' => (float) $value,
            default => $type::fromArray($value),
        };
    }

    private function read(string $key, bool $nullable, string $expected, \Closure $check): mixed
    {
        $value = $this->data[$key] ?? null;
        if ($value === null) {
            if ($nullable) {
                return null;
            }
            $what = array_key_exists($key, $this->data) ? 'is null' : 'is missing';
            throw new SdkException(sprintf(
                'The response does not match the SDK: %s.%s %s. Upgrade the SDK, or report the request id to support.',
                self::shortName($this->model),
                $key,
                $what,
            ));
        }
        if (!$check($value)) {
            throw $this->mismatch($key, $expected, $value);
        }
        return $value;
    }

    private function mismatch(string $key, string $expected, mixed $value): SdkException
    {
        return new SdkException(sprintf(
            'The response does not match the SDK: %s.%s should be %s, got %s.',
            self::shortName($this->model),
            $key,
            $expected,
            get_debug_type($value),
        ));
    }

    private static function integral(mixed $value): bool
    {
        return is_float($value) && floor($value) === $value && abs($value) < 2 ** 53;
    }

    private static function shortName(string $class): string
    {
        $position = strrpos($class, '\\');
        return $position === false ? $class : substr($class, $position + 1);
    }
}
