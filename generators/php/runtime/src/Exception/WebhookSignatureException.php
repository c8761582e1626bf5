<?php

declare(strict_types=1);

namespace Embott\Exception;

/**
 * A webhook delivery failed verification. `getReason()` says why: missing_header, malformed_header,
 * no_signatures, signature_mismatch, timestamp_too_old, timestamp_in_future (or invalid_payload from unwrap).
 */
class WebhookSignatureException extends SdkException
{
    public function __construct(private readonly string $reason, string $message)
    {
        parent::__construct($message);
    }

    public function getReason(): string
    {
        return $this->reason;
    }
}
