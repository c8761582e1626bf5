<?php

declare(strict_types=1);

namespace Embott\Core;

/** One call as the client sends it: bound parameters plus the per-call options, before any attempt. */
final class Call
{
    /**
     * @param array<string, mixed> $query
     * @param array<string, string> $headers the operation's header parameters
     * @param array<string, string|null> $extraHeaders the per-call `headers` option (null removes a header)
     * @param array<string, Style> $styles query parameters' serialisation
     * @param array<string, string> $authHeaders the chosen credentials' headers (before the client's own)
     * @param array<string, string> $authQuery the chosen credentials' query parameters (after every other one)
     */
    public function __construct(
        public readonly string $method,
        public readonly string $path,
        public readonly array $query,
        public readonly array $headers,
        public readonly ?string $payload,
        public readonly ?string $contentType,
        public readonly array $styles,
        public readonly float $timeout,
        public readonly int $maxRetries,
        public readonly array $extraHeaders,
        public readonly ?string $idempotencyKey,
        public readonly bool $stream,
        public readonly array $authHeaders = [],
        public readonly array $authQuery = [],
    ) {
    }

    /**
     * @param array<mixed> $params
     * @param array{timeout: float, max_retries: int, headers: array<string, string|null>,
     *   idempotency_key: ?string, query: array<string, mixed>} $options
     * @param array{headers: array<string, string>, query: array<string, string>, cookies: list<string>} $auth
     *   the credentials to send: query parameters go after the operation's, cookies join its `Cookie` header
     */
    public static function of(
        Operation $operation,
        array $params,
        array $options,
        bool $stream,
        array $auth = ['headers' => [], 'query' => [], 'cookies' => []],
    ): self {
        $bound = $operation->bind($params);
        if ($auth['cookies'] !== []) {
            $own = isset($bound['headers']['Cookie']) ? [$bound['headers']['Cookie']] : [];
            $bound['headers']['Cookie'] = implode('; ', [...$own, ...$auth['cookies']]);
        }
        $safe = in_array($operation->method, ['GET', 'HEAD', 'OPTIONS'], true);
        [$payload, $contentType] = $bound['body'] === null ? [null, null] : Body::encode(
            $bound['body'],
            $operation->encoding,
            $operation->mediaType,
            $operation->styles,
            $operation->files,
        );
        return new self(
            $operation->method,
            $bound['path'],
            $bound['query'] + $options['query'],
            $bound['headers'],
            $payload,
            $contentType,
            $operation->styles,
            $options['timeout'],
            $options['max_retries'],
            $options['headers'],
            $safe ? null : ($options['idempotency_key'] ?? self::newIdempotencyKey()),
            $stream,
            $auth['headers'],
            $auth['query'],
        );
    }

    /**
     * The same call for another page: another path (a link) or query (a cursor).
     *
     * @param array<string, mixed> $query
     */
    public function withTarget(string $path, array $query): self
    {
        return new self(
            $this->method,
            $path,
            $query,
            $this->headers,
            $this->payload,
            $this->contentType,
            $this->styles,
            $this->timeout,
            $this->maxRetries,
            $this->extraHeaders,
            $this->idempotencyKey,
            $this->stream,
            $this->authHeaders,
            $this->authQuery,
        );
    }

    /** A fresh random key ("idem_<uuid v4>"), generated once per call and reused on every retry. */
    private static function newIdempotencyKey(): string
    {
        $bytes = random_bytes(16);
        $bytes[6] = chr(ord($bytes[6]) & 0x0f | 0x40);
        $bytes[8] = chr(ord($bytes[8]) & 0x3f | 0x80);
        return 'idem_' . vsprintf('%s%s-%s-%s-%s-%s%s%s', str_split(bin2hex($bytes), 4));
    }
}
