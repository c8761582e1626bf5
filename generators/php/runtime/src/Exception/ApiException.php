<?php

declare(strict_types=1);

namespace Embott\Exception;

use Embott\Core\RateLimit;

/**
 * The API answered with an error status (or sent an `error` event inside a stream). The message says the status,
 * the error, the request id and what to do; the API key is scrubbed from the message, body and headers.
 */
class ApiException extends SdkException
{
    /**
     * @param array<string, string> $headers response headers, lower-case names, secrets redacted
     * @param mixed $body the decoded error body (or its text), secrets scrubbed
     */
    public function __construct(
        string $message,
        private readonly ?int $statusCode,
        private readonly array $headers,
        private readonly mixed $body,
        private readonly ?string $requestId,
        private readonly ?RateLimit $rateLimit = null,
        private readonly ?string $idempotencyKey = null,
    ) {
        parent::__construct($message, $statusCode ?? 0);
    }

    /** The HTTP status; null for an error event inside a stream. */
    public function getStatusCode(): ?int
    {
        return $this->statusCode;
    }

    /** `X-Request-Id` of the response (or the envelope's `request_id`): quote it to support. */
    public function getRequestId(): ?string
    {
        return $this->requestId;
    }

    /**
     * The error envelope's `error` object, when the body had one.
     *
     * @return array{type?: string, code?: string, message?: string, param?: string|null, request_id?: string}|null
     */
    public function getError(): ?array
    {
        $error = is_array($this->body) ? ($this->body['error'] ?? null) : null;
        return is_array($error) ? $error : null;
    }

    /** The error code (e.g. `parameter_missing`), when the envelope has one. */
    public function getErrorCode(): ?string
    {
        $code = $this->getError()['code'] ?? null;
        return is_string($code) ? $code : null;
    }

    /** The decoded body (array) or its raw text. */
    public function getBody(): mixed
    {
        return $this->body;
    }

    /** @return array<string, string> */
    public function getHeaders(): array
    {
        return $this->headers;
    }

    /** `X-RateLimit-*` and `Retry-After` of the response, when it had any. */
    public function getRateLimit(): ?RateLimit
    {
        return $this->rateLimit;
    }

    /** Seconds the server asked to wait before retrying (`retry-after-ms` or `Retry-After`), if it said. */
    public function getRetryAfter(): ?float
    {
        return $this->rateLimit?->retryAfter;
    }

    /**
     * The `Idempotency-Key` the request carried. Resend with it (request option `idempotency_key`) so a create
     * the server applied before failing is not applied twice.
     */
    public function getIdempotencyKey(): ?string
    {
        return $this->idempotencyKey;
    }
}
