<?php

declare(strict_types=1);

namespace Embott\Tests\Conformance;

/** The mock's /__mock control endpoints and the canned server, over plain HTTP (no SDK involved). */
final class MockControl
{
    public function __construct(public readonly string $mockUrl, public readonly string $cannedUrl)
    {
    }

    /** URLs set by scripts/conformance/serve.mjs. */
    public static function fromEnv(): self
    {
        $mock = getenv('EMBOTT_MOCK_URL');
        $canned = getenv('CONFORMANCE_CANNED_URL');
        if (!is_string($mock) || $mock === '' || !is_string($canned) || $canned === '') {
            throw new \RuntimeException(
                'EMBOTT_MOCK_URL and CONFORMANCE_CANNED_URL are not set: '
                    . 'run through `node scripts/conformance/serve.mjs -- …`',
            );
        }
        return new self($mock, $canned);
    }

    /** @return array{0: int, 1: mixed} status and decoded body */
    public function send(string $method, string $url, mixed $body = null): array
    {
        $curl = curl_init($url);
        $headers = [];
        curl_setopt($curl, CURLOPT_CUSTOMREQUEST, $method);
        curl_setopt($curl, CURLOPT_RETURNTRANSFER, true);
        if ($body !== null) {
            curl_setopt($curl, CURLOPT_POSTFIELDS, json_encode($body === [] ? new \stdClass() : $body));
            $headers[] = 'content-type: application/json';
        }
        curl_setopt($curl, CURLOPT_HTTPHEADER, $headers);
        $text = curl_exec($curl);
        if (!is_string($text)) {
            throw new \RuntimeException("$method $url failed: " . curl_error($curl));
        }
        $status = (int) curl_getinfo($curl, CURLINFO_RESPONSE_CODE);
        return [$status, $text === '' ? null : json_decode($text, true)];
    }

    public function control(string $method, string $path, mixed $body = null): mixed
    {
        [$status, $answer] = $this->send($method, $this->mockUrl . $path, $body);
        if ($status >= 300) {
            throw new \RuntimeException("$method $path answered $status: " . json_encode($answer));
        }
        return $answer;
    }

    /** Reset, then config, keys, faults and the canned answer, in the schema's order. */
    public function apply(array $scenario): void
    {
        $this->control('POST', '/__mock/reset');
        $setup = $scenario['setup'] ?? [];
        if (isset($setup['config'])) {
            $this->control('POST', '/__mock/config', $setup['config']);
        }
        foreach ($setup['keys'] ?? [] as $key) {
            $this->control('POST', '/__mock/keys', $key);
        }
        foreach ($setup['faults'] ?? [] as $fault) {
            $this->control('POST', '/__mock/faults', $fault);
        }
        if (isset($setup['canned'])) {
            [$status, $answer] = $this->send('POST', $this->cannedUrl . '/__canned', $setup['canned']);
            if ($status !== 200) {
                throw new \RuntimeException('the canned server refused the response: ' . json_encode($answer));
            }
        }
    }

    /** @return list<string> the distinct Idempotency-Keys the mock logged for an operation since the reset */
    public function idempotencyKeys(string $operationId): array
    {
        $log = $this->control('GET', '/__mock/requests?operation_id=' . rawurlencode($operationId));
        return array_values(array_unique(array_filter(array_column($log['data'], 'idempotency_key'))));
    }

    /** @return list<string> request-log problems (count per operation, distinct idempotency keys) */
    public function checkRequests(array $expected): array
    {
        $problems = [];
        foreach ($expected as $want) {
            $log = $this->control('GET', '/__mock/requests?operation_id=' . rawurlencode($want['operation_id']));
            $count = count($log['data']);
            if ($count !== $want['count']) {
                $problems[] = "{$want['operation_id']}: the mock received $count requests, expected {$want['count']}";
            }
            if (isset($want['idempotency_keys'])) {
                $keys = array_unique(array_filter(array_column($log['data'], 'idempotency_key')));
                if (count($keys) !== $want['idempotency_keys']) {
                    $problems[] = sprintf(
                        '%s: %d distinct Idempotency-Keys, expected %d',
                        $want['operation_id'],
                        count($keys),
                        $want['idempotency_keys'],
                    );
                }
            }
        }
        return $problems;
    }
}
