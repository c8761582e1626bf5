<?php

declare(strict_types=1);

namespace Embott\Core;

/** The headers of each request: defaults, auth, the client's and the call's headers, and the idempotency key. */
final class Headers
{
    public function __construct(private readonly SdkConfig $config, private readonly ClientOptions $options)
    {
    }

    /** @return array<string, string> later sources win, names compared case-insensitively */
    public function for(Call $call): array
    {
        $base = [
            'Accept' => $call->stream ? 'text/event-stream' : 'application/json',
            'User-Agent' => "{$this->config->sdkName}-php/{$this->config->sdkVersion} PHP/" . PHP_VERSION,
            $this->telemetry('Timeout') => (string) $call->timeout,
        ];
        if ($call->contentType !== null) {
            $base['Content-Type'] = $call->contentType;
        }
        $idempotency = $call->idempotencyKey !== null ? ['Idempotency-Key' => $call->idempotencyKey] : [];
        $sources = [$base, $this->auth(), $this->options->defaultHeaders, $call->headers, $idempotency];
        $sources[] = $call->extraHeaders;
        $merged = [];
        foreach ($sources as $source) {
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
