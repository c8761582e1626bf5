<?php

declare(strict_types=1);

namespace Embott\Tests\Conformance;

use Embott\Client;

/** A signed delivery from the mock to a socket on 127.0.0.1:0, verified and unwrapped with the SDK. */
final class DeliveryCheck
{
    public function __construct(private readonly MockControl $mock, private readonly Client $client)
    {
    }

    /** @return list<string> */
    public function run(array $spec): array
    {
        $server = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr);
        if ($server === false) {
            throw new \RuntimeException("cannot listen on 127.0.0.1: $errstr");
        }
        try {
            $port = (int) substr((string) strrchr((string) stream_socket_get_name($server, false), ':'), 1);
            $subscription = $this->mock->control('POST', '/__mock/webhooks', [
                'url' => "http://127.0.0.1:$port/hook",
                'events' => $spec['events'],
            ]);
            $secrets = [$subscription['secret']];
            if ($spec['rotate_secret'] ?? false) {
                $rotated = $this->mock->control('POST', "/__mock/webhooks/{$subscription['id']}/rotate-secret", []);
                array_unshift($secrets, $rotated['secret']);
            }
            $this->mock->control('POST', '/__mock/events', $spec['trigger']);
            [$headers, $body] = self::receive($server);
        } finally {
            fclose($server);
        }
        return $this->check($spec, $headers, $body, $secrets);
    }

    /** @return array{0: array<string, string>, 1: string} the first request's headers and body; answers 200 */
    private static function receive($server): array
    {
        $connection = stream_socket_accept($server, 5.0);
        if ($connection === false) {
            throw new \RuntimeException('no delivery reached the local receiver within 5 s');
        }
        stream_set_timeout($connection, 5);
        $head = '';
        while (!str_contains($head, "\r\n\r\n") && !feof($connection)) {
            $head .= (string) fgets($connection);
        }
        $headers = [];
        foreach (array_slice(explode("\r\n", trim($head)), 1) as $line) {
            [$name, $value] = array_map('trim', explode(':', $line, 2)) + [1 => ''];
            $headers[strtolower($name)] = $value;
        }
        $length = (int) ($headers['content-length'] ?? 0);
        $body = '';
        while (strlen($body) < $length && !feof($connection)) {
            $body .= (string) fread($connection, $length - strlen($body));
        }
        fwrite($connection, "HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        fclose($connection);
        return [$headers, $body];
    }

    /** @return list<string> */
    private function check(array $spec, array $headers, string $body, array $secrets): array
    {
        $problems = [];
        $signature = $headers['embott-signature'] ?? '';
        $parts = explode(',', $signature);
        $entries = count(array_filter($parts, static fn (string $part): bool => str_starts_with(trim($part), 'v1=')));
        if ($entries !== count($secrets)) {
            $problems[] = "the delivery carries $entries v1= entries, expected " . count($secrets);
        }
        foreach ($secrets as $secret) {
            $verdict = Runner::verify($this->client, $body, $signature, $secret);
            if ($verdict !== 'valid') {
                $problems[] = 'the delivery does not verify with ' . substr($secret, 0, 10) . "…: $verdict";
            }
            $event = $this->client->webhooks->unwrap($body, $headers, $secret)->toArray();
            if (($event['type'] ?? null) !== $spec['expect_type']) {
                $problems[] = 'unwrapped event type ' . json_encode($event['type'] ?? null)
                    . ", expected {$spec['expect_type']}";
            }
        }
        $verdict = Runner::verify($this->client, $body . ' ', $signature, $secrets[0]);
        if ($verdict !== 'signature_mismatch') {
            $problems[] = "a tampered body gave $verdict, expected signature_mismatch";
        }
        return $problems;
    }
}
