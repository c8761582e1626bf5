<?php

declare(strict_types=1);

namespace Embott\Webhook;

use Embott\Core\Service;
use Embott\Exception\InvalidArgumentException;
use Embott\Exception\WebhookSignatureException;

/**
 * Base of the generated webhooks service: signature helpers using the API's declared scheme. The secret defaults
 * to the client's `webhook_secret` option or its environment variable.
 */
abstract class WebhookService extends Service
{
    /**
     * Returns when `$header` holds a valid signature of `$payload`; throws WebhookSignatureException otherwise
     * (see its getReason()).
     *
     * @param string $payload the raw request body (file_get_contents('php://input'))
     * @param mixed $header the signature header's value, or all request headers
     * @param int|float|null $tolerance seconds (default the scheme's, 300); not finite or negative: an
     *   InvalidArgumentException
     * @param int|float|null $now unix seconds (default time()); not finite: an InvalidArgumentException
     */
    public function verify(
        string $payload,
        mixed $header,
        #[\SensitiveParameter] ?string $secret = null,
        int|float|null $tolerance = null,
        int|float|null $now = null,
    ): void {
        $this->signature()->verify($payload, $header, $this->secret($secret), $tolerance, $now);
    }

    /** A valid signature header for `$payload` (an object or array is JSON-encoded), for your handler's tests. */
    public function generateTestHeader(
        string|array|\JsonSerializable $payload,
        #[\SensitiveParameter] ?string $secret = null,
        ?int $timestamp = null,
    ): string {
        $body = is_string($payload) ? $payload : \Embott\Core\Json::encode($payload);
        return $this->signature()->header($body, $this->secret($secret), $timestamp);
    }

    /**
     * Verifies, then decodes the body to an array (the generated unwrap() turns it into a typed event).
     *
     * @return array<string, mixed>
     */
    protected function verifiedPayload(
        string $payload,
        mixed $header,
        ?string $secret,
        int|float|null $tolerance,
        int|float|null $now,
    ): array {
        $this->verify($payload, $header, $secret, $tolerance, $now);
        $decoded = json_decode($payload, true);
        if (!is_array($decoded) || array_is_list($decoded)) {
            throw new WebhookSignatureException(
                'invalid_payload',
                'The webhook body is correctly signed but is not a JSON event object.',
            );
        }
        return $decoded;
    }

    private function signature(): Signature
    {
        $scheme = $this->client->sdkConfig()->webhookScheme;
        if ($scheme === null) {
            throw new InvalidArgumentException(
                'This API declares no webhook signature scheme (x-embott-webhook-signature).',
            );
        }
        return new Signature($scheme);
    }

    private function secret(?string $secret): string
    {
        $resolved = $secret ?? $this->client->webhookSecret();
        if ($resolved === null || $resolved === '') {
            $env = $this->client->sdkConfig()->webhookSecretEnv;
            throw new InvalidArgumentException(
                'Pass the webhook signing secret' . ($env !== null ? " or set $env" : '') . '.',
                'secret',
            );
        }
        return $resolved;
    }
}
