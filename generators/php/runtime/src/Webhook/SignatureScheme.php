<?php

declare(strict_types=1);

namespace Embott\Webhook;

use Embott\Exception\InvalidArgumentException;

/** How the API signs webhook deliveries (the spec's `x-embott-webhook-signature`). */
final class SignatureScheme
{
    public const DEFAULT_TOLERANCE = 300;

    public function __construct(
        /** Header carrying the signature, matched case-insensitively. */
        public readonly string $header = 'Embott-Signature',
        /** "timestamped": `t=<unix>,v1=<sig>[,v1=…]` over "{t}.{body}"; "plain": `<prefix><sig>` over the body. */
        public readonly string $scheme = 'timestamped',
        /** "hex" (compared case-insensitively) or "base64" (compared exactly). */
        public readonly string $encoding = 'hex',
        /** Plain scheme only, e.g. "sha256=". */
        public readonly string $prefix = '',
        /** Seconds of allowed clock difference, both directions (timestamped only). */
        public readonly int $tolerance = self::DEFAULT_TOLERANCE,
    ) {
        if (!in_array($scheme, ['timestamped', 'plain'], true) || !in_array($encoding, ['hex', 'base64'], true)) {
            throw new InvalidArgumentException(
                "Unsupported webhook signature scheme \"$scheme\" with encoding \"$encoding\".",
            );
        }
    }

    /**
     * @param array{header?: string, scheme?: string, encoding?: string, prefix?: string, tolerance?: int} $fields
     *   the extension's fields (the shared test vectors use this shape)
     */
    public static function fromArray(array $fields): self
    {
        return new self(
            $fields['header'] ?? 'Embott-Signature',
            $fields['scheme'] ?? 'timestamped',
            $fields['encoding'] ?? 'hex',
            $fields['prefix'] ?? '',
            $fields['tolerance'] ?? self::DEFAULT_TOLERANCE,
        );
    }
}
