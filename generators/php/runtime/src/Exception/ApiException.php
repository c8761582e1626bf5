<?php

declare(strict_types=1);

namespace Embott\Exception;

use Embott\Core\RateLimit;

/**
 * The API answered with an error status (or sent an `error` event inside a stream). The message says the status,
 * the error, the request id and what to do; every credential is scrubbed from the message, body and headers. The
 * error's code, type and parameter are read where the API's error envelope keeps them.
 */
class ApiException extends SdkException
{
    /**
     * @param array<string, string> $headers response headers, lower-case names, secrets redacted
     * @param mixed $body the decoded error body (or its text), secrets scrubbed
     * @param array{code?: ?string, type?: ?string, param?: ?string, message?: ?string, error?: ?array<mixed>} $fields
     *   what the error envelope says; `error` is the object holding the message
     */
    public function __construct(
        string $message,
        private readonly ?int $statusCode,
        private readonly array $headers,
        private readonly mixed $body,
        private readonly ?string $requestId,
        private readonly ?RateLimit $rateLimit = null,
        private readonly ?string $idempotencyKey = null,
        private readonly array $fields = [],
    ) {
        parent::__construct($message, $statusCode ?? 0);
    }

    /** The HTTP status; null for an error event inside a stream. */
    public function getStatusCode(): ?int
    {
        return $this->statusCode;
    }

    /** The response's request id header (else the one in the error body): quote it to support. */
    public function getRequestId(): ?string
    {
        return $this->requestId;
    }

    /**
     * The object of the error body that holds the message (Embott's `error` object), when there is one.
     *
     * @return array<mixed>|null
     */
    public function getError(): ?array
    {
        return $this->fields['error'] ?? null;
    }

    /** The error's message as the API wrote it, when its body has one. */
    public function getErrorMessage(): ?string
    {
        return $this->fields['message'] ?? null;
    }

    /** The error code (e.g. `parameter_missing`), when the body has one. */
    public function getErrorCode(): ?string
    {
        return $this->fields['code'] ?? null;
    }

    /** The error type (e.g. `invalid_request_error`), when the body has one. */
    public function getErrorType(): ?string
    {
        return $this->fields['type'] ?? null;
    }

    /** The request parameter the error is about, when the body names one. */
    public function getParam(): ?string
    {
        return $this->fields['param'] ?? null;
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
