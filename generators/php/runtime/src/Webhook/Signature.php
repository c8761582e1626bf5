<?php

declare(strict_types=1);

namespace Embott\Webhook;

use Embott\Exception\InvalidArgumentException;
use Embott\Exception\WebhookSignatureException;

/**
 * Verifies and creates webhook signatures: HMAC-SHA256 keyed with the whole secret string, compared with
 * hash_equals against every signature in the header (several during a secret rotation), then the timestamp
 * checked against the tolerance. Any bad input is a WebhookSignatureException; nothing else is ever thrown.
 */
final class Signature
{
    public function __construct(private readonly SignatureScheme $scheme)
    {
    }

    /**
     * @param string $payload the raw request body, byte for byte (not a re-encoded json_decode result)
     * @param mixed $header the signature header's value, a list of values, or all request headers
     *   (name => value or list; `getallheaders()` and `$request->headers->all()` work as they are)
     * @param int|float|null $tolerance seconds; default the scheme's (300)
     * @param int|float|null $now unix seconds; default time()
     * @throws WebhookSignatureException
     * @throws InvalidArgumentException when the secret is empty or `$tolerance`/`$now` is not a finite number
     */
    public function verify(
        string $payload,
        mixed $header,
        #[\SensitiveParameter] string $secret,
        int|float|null $tolerance = null,
        int|float|null $now = null,
    ): void {
        if ($secret === '') {
            throw new InvalidArgumentException('A webhook signing secret is required.', 'secret');
        }
        $tolerance = self::seconds('tolerance', $tolerance ?? $this->scheme->tolerance);
        $now = self::seconds('now', $now ?? time());
        if ($tolerance < 0) {
            throw new InvalidArgumentException(
                "The tolerance must be a non-negative number of seconds, got $tolerance.",
                'tolerance',
            );
        }
        $value = $this->headerValue($header);
        if ($this->scheme->scheme === 'plain') {
            $this->assertMatch($this->plainSignatures($value), $this->sign($payload, $secret), $payload);
            return;
        }
        [$timestamp, $signatures] = $this->parseTimestamped($value);
        $this->assertMatch($signatures, $this->sign("$timestamp.$payload", $secret), $payload);
        $this->assertFresh((int) ltrim($timestamp, '0'), $tolerance, $now);
    }

    /** A valid header value for `$payload` (for tests of your webhook handler). */
    public function header(string $payload, #[\SensitiveParameter] string $secret, ?int $timestamp = null): string
    {
        if ($secret === '') {
            throw new InvalidArgumentException('A webhook signing secret is required.', 'secret');
        }
        if ($this->scheme->scheme === 'plain') {
            return $this->scheme->prefix . $this->sign($payload, $secret);
        }
        $timestamp ??= time();
        return "t=$timestamp,v1=" . $this->sign("$timestamp.$payload", $secret);
    }

    private function sign(string $message, string $secret): string
    {
        $digest = hash_hmac('sha256', $message, $secret, true);
        return $this->scheme->encoding === 'base64' ? base64_encode($digest) : bin2hex($digest);
    }

    private function headerValue(mixed $header): string
    {
        if (is_array($header) && !array_is_list($header)) {
            $wanted = strtolower($this->scheme->header);
            $found = null;
            foreach ($header as $name => $value) {
                $name = strtolower(str_replace('_', '-', (string) $name));
                if ($name === $wanted || $name === 'http-' . $wanted) {
                    $found = $value;
                }
            }
            $header = $found;
        }
        if (is_array($header)) {
            foreach ($header as $value) {
                if (!is_string($value)) {
                    throw $this->malformed('a header value is ' . get_debug_type($value) . ', not a string');
                }
            }
            $header = implode(',', $header);
        }
        if ($header !== null && !is_string($header)) {
            throw $this->malformed('the header value is ' . get_debug_type($header) . ', not a string');
        }
        if ($header === null || trim($header) === '') {
            throw new WebhookSignatureException(
                'missing_header',
                "The {$this->scheme->header} header is missing or empty.",
            );
        }
        return $header;
    }

    /** @return array{string, list<string>} the timestamp as sent (it is signed as text) and the v1 signatures */
    private function parseTimestamped(string $header): array
    {
        $timestamp = null;
        $signatures = [];
        foreach (explode(',', $header) as $entry) {
            $entry = trim($entry);
            $equals = strpos($entry, '=');
            if ($equals === false || $equals === 0) {
                throw $this->malformed("entry \"" . self::printable($entry) . "\" is not key=value");
            }
            $key = trim(substr($entry, 0, $equals));
            $value = trim(substr($entry, $equals + 1));
            if ($key === 't') {
                if (preg_match('/^\d{1,15}$/', $value) !== 1) {
                    throw $this->malformed("timestamp \"" . self::printable($value) . "\" is not unix seconds");
                }
                if ($timestamp !== null) {
                    throw $this->malformed('it has more than one "t=" timestamp');
                }
                $timestamp = $value;
            } elseif ($key === 'v1' && $value !== '') {
                $signatures[] = $value;
            }
        }
        if ($timestamp === null) {
            throw $this->malformed('it has no "t=" timestamp');
        }
        if ($signatures === []) {
            throw new WebhookSignatureException('no_signatures', 'The signature header has no v1= entries.');
        }
        return [$timestamp, $signatures];
    }

    /** @return list<string> */
    private function plainSignatures(string $header): array
    {
        $prefix = $this->scheme->prefix;
        $signatures = [];
        foreach (explode(',', $header) as $entry) {
            $entry = trim($entry);
            if (str_starts_with($entry, $prefix) && strlen($entry) > strlen($prefix)) {
                $signatures[] = substr($entry, strlen($prefix));
            }
        }
        if ($signatures === []) {
            throw new WebhookSignatureException('no_signatures', "The signature header has no \"$prefix\" signature.");
        }
        return $signatures;
    }

    /** @param list<string> $candidates */
    private function assertMatch(array $candidates, string $expected, string $payload): void
    {
        $hex = $this->scheme->encoding === 'hex';
        $matched = false;
        foreach ($candidates as $candidate) {
            $matched = hash_equals($expected, $hex ? strtolower($candidate) : $candidate) || $matched;
        }
        if (!$matched) {
            $hint = preg_match('/^\s*[\[{]/', $payload) === 1
                ? ' If your framework decoded the JSON body and encoded it again (whitespace, key order or'
                    . ' escapes changed), verify the raw body instead (file_get_contents(\'php://input\')).'
                : '';
            throw new WebhookSignatureException(
                'signature_mismatch',
                'No signature in the header matches the body (' . count($candidates) . " tried).$hint",
            );
        }
    }

    /** A finite number of seconds; NaN or an infinity is an argument error, never a silent pass. */
    private static function seconds(string $name, int|float $value): float
    {
        if (!is_finite((float) $value)) {
            throw new InvalidArgumentException(
                "\$$name must be a finite number of seconds, got " . var_export($value, true) . '.',
                $name,
            );
        }
        return (float) $value;
    }

    private function assertFresh(int $timestamp, float $tolerance, float $now): void
    {
        if ($now - $timestamp > $tolerance) {
            throw new WebhookSignatureException(
                'timestamp_too_old',
                sprintf(
                    'The signature timestamp is %d s old (tolerance %d s): a replay, or a clock that is off.',
                    $now - $timestamp,
                    $tolerance,
                ),
            );
        }
        if ($timestamp - $now > $tolerance) {
            throw new WebhookSignatureException(
                'timestamp_in_future',
                sprintf(
                    'The signature timestamp is %d s in the future (tolerance %d s): check your clock.',
                    $timestamp - $now,
                    $tolerance,
                ),
            );
        }
    }

    private function malformed(string $reason): WebhookSignatureException
    {
        return new WebhookSignatureException(
            'malformed_header',
            "The signature header is malformed: $reason. Expected \"t=<unix seconds>,v1=<signature>\".",
        );
    }

    private static function printable(string $text): string
    {
        $clean = (string) preg_replace('/[^\x20-\x7e]/', '?', $text);
        return strlen($clean) > 40 ? substr($clean, 0, 40) . '…' : $clean;
    }
}
