<?php

declare(strict_types=1);

namespace Embott\Tests\Support;

/**
 * The real HTTP mock (`node packages/mock/bin/embott-mock.mjs --port 0`), started once per test run and driven
 * through its `/__mock/*` control endpoints. It stops when this process exits (its stdin closes).
 */
final class MockServer
{
    public const ADMIN_KEY = 'sk_live_admin_0001';
    public const READONLY_KEY = 'pk_test_bots_readonly_0001';

    private static ?self $instance = null;

    private readonly ChildServer $server;
    public readonly string $url;

    private function __construct()
    {
        $root = dirname(__DIR__, 4);
        $command = ['node', "$root/packages/mock/bin/embott-mock.mjs", '--port', '0', '--webhook-time-scale', '0.0001'];
        $this->server = new ChildServer($command, $root);
        $this->url = $this->server->url;
    }

    public static function get(): self
    {
        return self::$instance ??= new self();
    }

    public function baseUrl(): string
    {
        return "{$this->url}/v1";
    }

    public function reset(): void
    {
        $this->control('POST', '/reset');
    }

    /** @param array<string, mixed> $fault e.g. ['method' => 'POST', 'path' => '/bots', 'status' => 503] */
    public function fault(array $fault): void
    {
        $this->control('POST', '/faults', $fault);
    }

    /**
     * @param array<string, string> $filter e.g. ['method' => 'POST', 'path' => '/v1/bots']
     * @return list<array<string, mixed>>
     */
    public function requests(array $filter = []): array
    {
        return $this->control('GET', '/requests?' . http_build_query($filter))['data'];
    }

    /**
     * @param array<string, mixed>|null $body
     * @return array<string, mixed>
     */
    public function control(string $method, string $path, ?array $body = null): array
    {
        $handle = curl_init("{$this->url}/__mock$path");
        curl_setopt_array($handle, [
            CURLOPT_CUSTOMREQUEST => $method,
            CURLOPT_RETURNTRANSFER => true,
            CURLOPT_HTTPHEADER => ['Content-Type: application/json'],
            CURLOPT_TIMEOUT => 10,
        ]);
        if ($body !== null || $method === 'POST') {
            $json = json_encode($body === null || $body === [] ? new \stdClass() : $body);
            curl_setopt($handle, CURLOPT_POSTFIELDS, $json);
        }
        $text = curl_exec($handle);
        $status = curl_getinfo($handle, CURLINFO_RESPONSE_CODE);
        if (!is_string($text) || $status >= 300) {
            throw new \RuntimeException("mock control $method $path failed ($status): " . var_export($text, true));
        }
        return json_decode($text, true, 512, JSON_THROW_ON_ERROR);
    }
}
