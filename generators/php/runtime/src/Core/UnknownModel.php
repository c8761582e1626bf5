<?php

declare(strict_types=1);

namespace Embott\Core;

/**
 * An object of a kind this SDK does not know yet (e.g. an event type the API added later): read it with get() or
 * toArray() instead of failing.
 */
final class UnknownModel extends Model
{
    /** @param array<string, mixed> $data */
    public static function fromArray(array $data): self
    {
        return new self($data);
    }
}
