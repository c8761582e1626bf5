<?php

declare(strict_types=1);

namespace Embott\Core;

/**
 * How one credential option is sent: `bearer`, `basic` (the value is `user:password`), `header:<Name>`,
 * `query:<name>` or `cookie:<name>`, and the environment variable read when the option is not passed.
 */
final class Credential
{
    public readonly string $kind;
    public readonly string $name;

    public function __construct(public readonly string $placement, public readonly ?string $env = null)
    {
        [$kind, $name] = array_pad(explode(':', $placement, 2), 2, '');
        if (!in_array($kind, ['bearer', 'basic', 'header', 'query', 'cookie'], true)) {
            throw new \InvalidArgumentException("Unknown credential placement \"$placement\".");
        }
        $this->kind = $kind;
        $this->name = $kind === 'bearer' || $kind === 'basic' ? 'Authorization' : $name;
    }

    /** Whether the value travels in a header (so it must be printable ASCII). */
    public function inHeader(): bool
    {
        return $this->kind !== 'query';
    }

    /** The header value (`Bearer …`, `Basic …`, the raw value) or the `name=value` cookie pair. */
    public function render(#[\SensitiveParameter] string $value): string
    {
        return match ($this->kind) {
            'bearer' => "Bearer $value",
            'basic' => 'Basic ' . base64_encode(str_contains($value, ':') ? $value : "$value:"),
            'cookie' => "{$this->name}=$value",
            default => $value,
        };
    }
}
