<?php

declare(strict_types=1);

namespace Embott\Core;

/** The headers of each request: defaults, credentials, the client's and the call's headers, the idempotency key. */
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
        foreach ($call->authHeaders as $name => $value) {
            // the client's default headers win over the credentials, as they win over every default
            $merged[strtolower($name)] ??= [$name, $value];
        }
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
