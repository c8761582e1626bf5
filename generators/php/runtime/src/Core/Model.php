<?php

declare(strict_types=1);

namespace Embott\Core;

/**
 * Base of every generated model: typed readonly properties for the fields the spec declares, plus the whole
 * decoded object, so fields the SDK does not know yet stay reachable (`get()`, `toArray()`, `json_encode`).
 */
abstract class Model implements \JsonSerializable
{
    /** @param array<string, mixed> $raw the decoded JSON object */
    public function __construct(private readonly array $raw)
    {
    }

    /** Any field of the object as received, known to the SDK or not. */
    public function get(string $field): mixed
    {
        return $this->raw[$field] ?? null;
    }

    public function has(string $field): bool
    {
        return array_key_exists($field, $this->raw);
    }

    /** @return array<string, mixed> the object exactly as decoded, unknown fields included */
    public function toArray(): array
    {
        return $this->raw;
    }

    public function jsonSerialize(): mixed
    {
        return $this->raw === [] ? new \stdClass() : $this->raw;
    }
}
