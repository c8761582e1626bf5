<?php

declare(strict_types=1);

namespace Embott\Core;

/** The headers of each request: defaults, auth, the client's and the call's headers, and the idempotency key. */
final class Headers
{
    /** @var array<string, array<string, array{string, string|null}>> the fixed headers by stream flag and timeout */
    private array $fixed = [];

    public function __construct(private readonly SdkConfig $config, private readonly ClientOptions $options)
    {
    }

    /** @return array<string, string> later sources win, names compared case-insensitively */
    public function for(Call $call): array
    {
        $merged = $this->fixed[($call->stream ? 's' : 'j') . $call->timeout] ??= $this->fixedFor($call);
        $idempotency = $call->idempotencyKey !== null ? ['Idempotency-Key' => $call->idempotencyKey] : [];
        $content = $call->contentType !== null ? ['Content-Type' => $call->contentType] : [];
        foreach ([$content, $call->headers, $idempotency, $call->extraHeaders] as $source) {
            foreach ($source as $name => $value) {
                $merged[strtolower($name)] = [$name, $value];
            }
        }
        $result = [];
        foreach ($merged as [$name, $value]) {
            if ($value !== null) {
                $result[$name] = $value;
            }
        }
        return $result;
    }

    /** @return array<string, array{string, string|null}> defaults, auth and the client's headers, by lower-case name */
    private function fixedFor(Call $call): array
    {
        $base = [
            'Accept' => $call->stream ? 'text/event-stream' : 'application/json',
            'User-Agent' => "{$this->config->sdkName}-php/{$this->config->sdkVersion} PHP/" . PHP_VERSION,
            $this->telemetry('Timeout') => (string) $call->timeout,
        ];
        $merged = [];
        foreach ([$base, $this->auth(), $this->options->defaultHeaders] as $source) {
            foreach ($source as $name => $value) {
                $merged[strtolower($name)] = [$name, $value];
            }
        }
        return $merged;
    }

    /** @return array<string, string> the API key as a query parameter, when the API wants it there */
    public function authQuery(): array
    {
        $key = $this->options->apiKey;
        $auth = $this->config->auth;
        return $key !== null && str_starts_with($auth, 'query:') ? [substr($auth, 6) => $key] : [];
    }

    /** `X-<Sdk>-<what>`, e.g. X-Embott-Retry-Count. */
    public function telemetry(string $what): string
    {
        return 'X-' . ucfirst($this->config->sdkName) . "-$what";
    }

    /** HTTP Basic credentials: a key "user:password" is split, otherwise it is the user with no password. */
    private static function basic(string $key): string
    {
        return 'Basic ' . base64_encode(str_contains($key, ':') ? $key : "$key:");
    }

    /** @return array<string, string> */
    private function auth(): array
    {
        $key = $this->options->apiKey;
        $auth = $this->config->auth;
        if ($key === null) {
            return [];
        }
        return match (true) {
            $auth === 'bearer' => ['Authorization' => "Bearer $key"],
            $auth === 'basic' => ['Authorization' => self::basic($key)],
            str_starts_with($auth, 'header:') => [substr($auth, 7) => $key],
            default => [],
        };
    }
}
