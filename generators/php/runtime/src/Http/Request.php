<?php

declare(strict_types=1);

namespace Embott\Http;

/** One HTTP request as the client hands it to a transport. */
final class Request
{
    /**
     * @param array<string, string> $headers header names as sent, one value each
     * @param float $timeout seconds for the whole exchange (for a stream: the longest silence between chunks)
     */
    public function __construct(
        public readonly string $method,
        public readonly string $url,
        public readonly array $headers,
        public readonly ?string $body,
        public readonly float $timeout,
    ) {
    }

    /** @return array<string, mixed> the request with secret headers masked */
    public function __debugInfo(): array
    {
        return [
            'method' => $this->method,
            'url' => $this->url,
            'headers' => \Embott\Core\Redactor::redactHeaders($this->headers),
            'body' => $this->body,
            'timeout' => $this->timeout,
        ];
    }
}
