<?php

declare(strict_types=1);

namespace Embott\Core;

use Embott\Exception\InvalidArgumentException;
use Embott\Http\CurlTransport;
use Embott\Http\Transport;

/** The client's options, checked once at construction: a bad value fails here, not on the first request. */
final class ClientOptions
{
    private const KNOWN = [
        'base_url', 'max_retries', 'timeout', 'max_retry_after', 'http_client', 'default_headers',
        'logger', 'webhook_secret',
    ];

    public readonly string $baseUrl;
    public readonly int $maxRetries;
    public readonly float $timeout;
    public readonly float $maxRetryAfter;
    public readonly Transport $transport;
    /** @var array<string, string> */
    public readonly array $defaultHeaders;
    public readonly ?object $logger;
    public readonly ?string $apiKey;
    public readonly Credentials $credentials;
    public readonly ?string $webhookSecret;

    /** @param array<mixed> $options */
    public function __construct(#[\SensitiveParameter] array $options, SdkConfig $config)
    {
        $schemes = $config->credentialSchemes();
        $known = array_merge(array_keys($schemes), self::KNOWN, array_keys($config->serverVariables));
        foreach (array_keys($options) as $name) {
            if (!in_array($name, $known, true)) {
                throw new InvalidArgumentException(
                    "Unknown client option \"$name\" (accepted: " . implode(', ', $known) . ').',
                    (string) $name,
                );
            }
        }
        $this->credentials = Credentials::read($options, $schemes);
        $this->apiKey = $this->credentials->value('api_key');
        self::requireCredentials($this->credentials, $config);
        $this->baseUrl = self::baseUrl($options, $config);
        $this->maxRetries = self::count('max_retries', $options['max_retries'] ?? 2);
        $this->timeout = self::seconds('timeout', $options['timeout'] ?? 60.0);
        $this->maxRetryAfter = self::seconds('max_retry_after', $options['max_retry_after'] ?? 60.0);
        $transport = $options['http_client'] ?? null;
        if ($transport !== null && !$transport instanceof Transport) {
            throw new InvalidArgumentException(
                'Option "http_client" must implement ' . Transport::class . ', got ' . get_debug_type($transport) . '.',
                'http_client',
            );
        }
        $this->transport = $transport ?? new CurlTransport();
        $this->defaultHeaders = self::headers('default_headers', $options['default_headers'] ?? []);
        $logger = $options['logger'] ?? null;
        $isLogger = is_object($logger) && method_exists($logger, 'debug') && method_exists($logger, 'info');
        if ($logger !== null && !$isLogger) {
            throw new InvalidArgumentException(
                'Option "logger" must be a PSR-3 logger (an object with debug() and info()).',
                'logger',
            );
        }
        $this->logger = $logger;
        $secret = $options['webhook_secret'] ?? self::env($config->webhookSecretEnv);
        if ($secret !== null && (!is_string($secret) || $secret === '')) {
            throw new InvalidArgumentException('Option "webhook_secret" must be a non-empty string.', 'webhook_secret');
        }
        $this->webhookSecret = $secret;
    }

    /**
     * Per-call options: timeout, max_retries, headers (a null value removes a header), idempotency_key, query.
     *
     * @param array<mixed> $options
     * @return array{timeout: float, max_retries: int, headers: array<string, string|null>,
     *   idempotency_key: ?string, query: array<string, mixed>}
     */
    public function forCall(array $options): array
    {
        if ($options === []) {
            return [
                'timeout' => $this->timeout,
                'max_retries' => $this->maxRetries,
                'headers' => [],
                'idempotency_key' => null,
                'query' => [],
            ];
        }
        foreach (array_keys($options) as $name) {
            if (!in_array($name, ['timeout', 'max_retries', 'headers', 'idempotency_key', 'query'], true)) {
                throw new InvalidArgumentException(
                    "Unknown request option \"$name\" "
                        . '(accepted: timeout, max_retries, headers, idempotency_key, query).',
                    (string) $name,
                );
            }
        }
        $key = $options['idempotency_key'] ?? null;
        if ($key !== null && (!is_string($key) || trim($key) === '')) {
            throw new InvalidArgumentException(
                'Request option "idempotency_key" must be a non-empty string.',
                'idempotency_key',
            );
        }
        $query = $options['query'] ?? [];
        if (!is_array($query)) {
            throw new InvalidArgumentException('Request option "query" must be an array.', 'query');
        }
        return [
            'timeout' => isset($options['timeout']) ? self::seconds('timeout', $options['timeout']) : $this->timeout,
            'max_retries' => isset($options['max_retries'])
                ? self::count('max_retries', $options['max_retries'])
                : $this->maxRetries,
            'headers' => self::headers('headers', $options['headers'] ?? [], true),
            'idempotency_key' => $key,
            'query' => $query,
        ];
    }

    /** The API's own security must be satisfiable: a client that could send no request fails here. */
    private static function requireCredentials(Credentials $credentials, SdkConfig $config): void
    {
        $root = $config->rootSecurity();
        if ($root === [] || $credentials->choose($root) !== null) {
            return;
        }
        if ($root === [['api_key']]) {
            $env = $config->apiKeyEnv !== null ? " or set the {$config->apiKeyEnv} environment variable" : '';
            throw new InvalidArgumentException(
                "Missing API key: pass it to the client (new Client('…') or ['api_key' => …])$env.",
                'api_key',
            );
        }
        $envs = $credentials->envs($root);
        throw new InvalidArgumentException(
            'Missing credentials: pass ' . Credentials::describe($root) . ' to new Client()'
                . ($envs !== [] ? ' (or set ' . implode(', ', $envs) . ')' : '') . '.',
            $root[0][0],
        );
    }

    /** @param array<mixed> $options */
    private static function baseUrl(array $options, SdkConfig $config): string
    {
        $url = $options['base_url'] ?? self::env($config->baseUrlEnv) ?? self::defaultUrl($options, $config);
        if (!is_string($url)) {
            $type = get_debug_type($url);
            throw new InvalidArgumentException("Option \"base_url\" must be a string, got $type.", 'base_url');
        }
        $parts = parse_url($url);
        $scheme = is_array($parts) ? strtolower($parts['scheme'] ?? '') : '';
        if (!in_array($scheme, ['http', 'https'], true) || !isset($parts['host']) || $parts['host'] === '') {
            throw new InvalidArgumentException(
                "Invalid base URL \"$url\": it needs an http:// or https:// scheme and a host, "
                    . 'e.g. https://api.example.com/v1.',
                'base_url',
            );
        }
        return rtrim($url, '/');
    }

    /** @param array<mixed> $options */
    private static function defaultUrl(array $options, SdkConfig $config): string
    {
        $url = $config->defaultBaseUrl;
        foreach ($config->serverVariables as $name => $variable) {
            $value = $options[$name] ?? $variable['default'];
            if (!is_string($value) || ($variable['enum'] !== [] && !in_array($value, $variable['enum'], true))) {
                $allowed = $variable['enum'] !== [] ? ' (one of: ' . implode(', ', $variable['enum']) . ')' : '';
                throw new InvalidArgumentException("Invalid option \"$name\"$allowed.", $name);
            }
            $url = str_replace('{' . $name . '}', $value, $url);
        }
        return $url;
    }

    private static function count(string $name, mixed $value): int
    {
        if (!is_int($value) || $value < 0) {
            $got = var_export($value, true);
            throw new InvalidArgumentException("Option \"$name\" must be a non-negative integer, got $got.", $name);
        }
        return $value;
    }

    private static function seconds(string $name, mixed $value): float
    {
        if (!(is_int($value) || is_float($value)) || !($value > 0) || is_infinite((float) $value)) {
            $got = var_export($value, true);
            throw new InvalidArgumentException(
                "Option \"$name\" must be a positive number of seconds, got $got.",
                $name,
            );
        }
        return (float) $value;
    }

    /** @return array<string, string|null> */
    private static function headers(string $name, mixed $value, bool $allowNull = false): array
    {
        if (!is_array($value)) {
            throw new InvalidArgumentException("Option \"$name\" must be an array of header => value.", $name);
        }
        foreach ($value as $header => $content) {
            $valid = is_string($header) && preg_match('/^[!#$%&\'*+.^_`|~0-9A-Za-z-]+$/', $header) === 1
                && (is_string($content) ? preg_match('/[\r\n\0]/', $content) !== 1 : ($allowNull && $content === null));
            if (!$valid) {
                throw new InvalidArgumentException("Option \"$name\" has an invalid header \"$header\".", $name);
            }
        }
        return $value;
    }

    private static function env(?string $name): ?string
    {
        if ($name === null) {
            return null;
        }
        $value = getenv($name);
        return is_string($value) && trim($value) !== '' ? trim($value) : null;
    }
}
