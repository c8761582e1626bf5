<?php

declare(strict_types=1);

namespace Embott\Http;

/** A complete response seen as a stream: for transports that cannot stream, and for error bodies. */
final class BufferedStream implements StreamedResponse
{
    public function __construct(private readonly Response $response)
    {
    }

    public function status(): int
    {
        return $this->response->status;
    }

    public function headers(): array
    {
        return $this->response->headers;
    }

    public function chunks(): \Generator
    {
        if ($this->response->body !== '') {
            yield $this->response->body;
        }
    }

    public function close(): void
    {
    }
}
