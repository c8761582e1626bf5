<?php

declare(strict_types=1);

namespace Embott\Core;

/**
 * What the API said about a successful response besides its body: status, request id (quote it to support) and
 * the rate-limit headers. Read it with `$client->getLastResponse()` right after a call.
 */
final class ResponseInfo
{
    public readonly ?string $requestId;
    public readonly ?RateLimit $rateLimit;

    /** @param array<string, string> $headers lower-case names */
    public function __construct(
        public readonly int $statusCode,
        public readonly array $headers,
        string $requestIdHeader = 'x-request-id',
    ) {
        $this->requestId = $headers[strtolower($requestIdHeader)] ?? null;
        $this->rateLimit = RateLimit::fromHeaders($headers, null);
    }

    public function getRequestId(): ?string
    {
        return $this->requestId;
    }

    public function getRateLimit(): ?RateLimit
    {
        return $this->rateLimit;
    }
}
