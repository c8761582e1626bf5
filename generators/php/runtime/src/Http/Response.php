<?php

declare(strict_types=1);

namespace Embott\Http;

/** A complete HTTP response. */
final class Response
{
    /** @param array<string, string> $headers lower-case names; repeated headers joined with ", " */
    public function __construct(
        public readonly int $status,
        public readonly array $headers,
        public readonly string $body,
    ) {
    }

    public function header(string $name): ?string
    {
        return $this->headers[strtolower($name)] ?? null;
    }
}
