<?php

declare(strict_types=1);

namespace Embott\Exception;

/** The request got no response: refused, reset, DNS or TLS failure. Retried automatically. */
class ConnectionException extends SdkException
{
    private ?string $idempotencyKey = null;

    /**
     * The `Idempotency-Key` the request carried: resend with the same key (request option `idempotency_key`) to
     * retry without risking a duplicate if the server applied it before the connection was lost.
     */
    public function getIdempotencyKey(): ?string
    {
        return $this->idempotencyKey;
    }

    /** @internal set by the client once the retries are exhausted */
    public function withIdempotencyKey(?string $key): static
    {
        $this->idempotencyKey = $key;
        return $this;
    }
}
