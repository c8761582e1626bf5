<?php

declare(strict_types=1);

namespace Embott\Core;

/** The headers of each request: defaults, credentials, the client's and the call's headers, the idempotency key. */
final class Headers
{
    /**
     * By stream flag and timeout: the credentials' headers they were built with, the fixed headers and those
     * credentials by lower-case name, and the same as sent.
     *
     * @var array<string, array{array<string, string>, array<string, array{string, ?string}>, array<string, string>}>
     */
    private array $fixed = [];

    public function __construct(private readonly SdkConfig $config, private readonly ClientOptions $options)
    {
    }

    /** @return array<string, string> later sources win, names compared case-insensitively */
    public function for(Call $call): array
    {
        $key = ($call->stream ? 's' : 'j') . $call->timeout;
        $fixed = $this->fixed[$key] ?? null;
        if ($fixed === null || $fixed[0] !== $call->authHeaders) {
            $merged = $this->fixedFor($call);
            foreach ($call->authHeaders as $name => $value) {
                // the client's default headers win over the credentials, as they win over every default
                $merged[strtolower($name)] ??= [$name, $value];
            }
            $fixed = $this->fixed[$key] = [$call->authHeaders, $merged, self::sent($merged)];
        }
        $idempotency = $call->idempotencyKey !== null ? ['Idempotency-Key' => $call->idempotencyKey] : [];
        $content = $call->contentType !== null ? ['Content-Type' => $call->contentType] : [];
        if ($content === [] && $call->headers === [] && $idempotency === [] && $call->extraHeaders === []) {
            return $fixed[2]; // a GET without header parameters or options: nothing to add
        }
        $merged = $fixed[1];
        foreach ([$content, $call->headers, $idempotency, $call->extraHeaders] as $source) {
            foreach ($source as $name => $value) {
                $merged[strtolower($name)] = [$name, $value];
            }
        }
        return self::sent($merged);
    }

    /**
     * @param array<string, array{string, string|null}> $merged
     * @return array<string, string> the headers sent: by their own name, those set to null left out
     */
    private static function sent(array $merged): array
    {
        $result = [];
        foreach ($merged as [$name, $value]) {
            if ($value !== null) {
                $result[$name] = $value;
            }
        }
        return $result;
    }

    /** @return array<string, array{string, string|null}> defaults and the client's headers, by lower-case name */
    private function fixedFor(Call $call): array
    {
        $base = [
            'Accept' => $call->stream ? 'text/event-stream' : 'application/json',
            'User-Agent' => "{$this->config->sdkName}-php/{$this->config->sdkVersion} PHP/" . PHP_VERSION,
            $this->telemetry('Timeout') => (string) $call->timeout,
        ];
        $merged = [];
        foreach ([$base, $this->options->defaultHeaders] as $source) {
            foreach ($source as $name => $value) {
                $merged[strtolower($name)] = [$name, $value];
            }
        }
        return $merged;
    }

    /** `X-<Sdk>-<what>`, e.g. X-Embott-Retry-Count. */
    public function telemetry(string $what): string
    {
        return 'X-' . ucfirst($this->config->sdkName) . "-$what";
    }
}
