<?php

declare(strict_types=1);

namespace Embott\Tests\Conformance;

use Embott\Client;
use Embott\Core\Model;
use Embott\Exception\ApiException;
use Embott\Exception\AuthenticationException;
use Embott\Exception\BadRequestException;
use Embott\Exception\ConflictException;
use Embott\Exception\ConnectionException;
use Embott\Exception\InternalServerException;
use Embott\Exception\NotFoundException;
use Embott\Exception\PermissionDeniedException;
use Embott\Exception\RateLimitException;
use Embott\Exception\TimeoutException;
use Embott\Exception\UnprocessableEntityException;
use Embott\Exception\WebhookSignatureException;

/** Runs one neutral scenario through the PHP SDK against the HTTP mock; returns what did not hold. */
final class Runner
{
    private const DEFAULT_KEY = 'sk_live_admin_0001';

    /** Neutral error class → the SDK's exception (TimeoutException before its parent ConnectionException). */
    private const CLASSES = [
        'bad_request' => BadRequestException::class,
        'authentication' => AuthenticationException::class,
        'permission_denied' => PermissionDeniedException::class,
        'not_found' => NotFoundException::class,
        'conflict' => ConflictException::class,
        'unprocessable_entity' => UnprocessableEntityException::class,
        'rate_limit' => RateLimitException::class,
        'internal_server' => InternalServerException::class,
        'timeout' => TimeoutException::class,
        'connection' => ConnectionException::class,
    ];

    /** @var array<string, mixed> */
    private array $saved = [];

    public function __construct(private readonly MockControl $mock, private readonly string $repoRoot)
    {
    }

    /** @return list<string> */
    public function run(array $scenario): array
    {
        $this->mock->apply($scenario);
        $this->saved = [];
        $settings = $scenario['client'] ?? [];
        $server = ($settings['server'] ?? 'mock') === 'canned' ? $this->mock->cannedUrl : $this->mock->mockUrl;
        $options = ['api_key' => $settings['api_key'] ?? self::DEFAULT_KEY, 'base_url' => "$server/v1"];
        if (isset($settings['max_retries'])) {
            $options['max_retries'] = $settings['max_retries'];
        }
        $options['timeout'] = ($settings['timeout_ms'] ?? 10000) / 1000;
        $client = new Client($options);
        foreach ($scenario['steps'] as $index => $step) {
            $problems = $this->step($step, $client);
            if ($problems !== []) {
                $label = 'step ' . ($index + 1) . (isset($step['call']) ? " ({$step['call']})" : '');
                return array_map(static fn (string $problem): string => "$label: $problem", $problems);
            }
        }
        return [];
    }

    /** @return list<string> */
    private function step(array $step, Client $client): array
    {
        if (isset($step['call'])) {
            return $this->call($step, $client);
        }
        if (isset($step['mock'])) {
            $mock = $step['mock'];
            [$status, $body] = $this->mock->send(
                $mock['method'],
                $this->mock->mockUrl . $mock['path'],
                isset($mock['body']) ? Checks::substitute($mock['body'], $this->saved) : null,
            );
            if (isset($step['save'])) {
                $this->saved[$step['save']] = $body;
            }
            $want = $step['expect_status'] ?? null;
            return $want !== null && $status !== $want ? ["{$mock['path']} answered $status, expected $want"] : [];
        }
        if (isset($step['requests'])) {
            return $this->mock->checkRequests($step['requests']);
        }
        if (isset($step['sleep_ms'])) {
            usleep($step['sleep_ms'] * 1000);
            return [];
        }
        if (isset($step['webhook_vectors'])) {
            return $this->vectors($client, $step['webhook_vectors'], $step['min_cases']);
        }
        return (new DeliveryCheck($this->mock, $client))->run($step['webhook_delivery']);
    }

    /** `conversations.sendMessage` → $client->conversations->sendMessage(), cased like the PHP refiner (camel). */
    private static function camel(string $raw): string
    {
        $words = preg_split('/(?<=[a-z0-9])(?=[A-Z])|_/', $raw) ?: [$raw];
        $words = array_map('strtolower', $words);
        return $words[0] . implode('', array_map('ucfirst', array_slice($words, 1)));
    }

    /** @return list<string> */
    private function call(array $step, Client $client): array
    {
        [$resource, $method] = explode('.', $step['call'], 2);
        $service = $client->{self::camel($resource)};
        $name = self::camel($method);
        $args = Checks::substitute($step['args'] ?? [], $this->saved);
        $expect = $step['expect'];
        $mode = $step['mode'] ?? 'plain';
        try {
            $result = $service->{$name}($args);
            $outcome = match ($mode) {
                'plain' => ['kind' => 'result', 'value' => self::wire($result)],
                'page' => [
                    'kind' => 'page',
                    'items' => self::wire($result->data),
                    'has_next' => $result->hasNextPage(),
                ],
                'paginate', 'stream' => ['kind' => $mode, 'items' => self::wire(iterator_to_array($result, false))],
            };
        } catch (\Throwable $error) {
            if (!isset($expect['error'])) {
                return ['unexpected ' . get_class($error) . ': ' . $error->getMessage()];
            }
            $problems = $this->checkError($error, $expect);
            if (isset($expect['error']['idempotency_key'], $expect['requests'][0])) {
                $logged = $this->mock->idempotencyKeys($expect['requests'][0]['operation_id']);
                $sent = method_exists($error, 'getIdempotencyKey') ? $error->getIdempotencyKey() : null;
                if (!is_string($sent) || !in_array($sent, $logged, true)) {
                    $problems[] = 'error idempotency key is ' . json_encode($sent)
                        . '; the mock received ' . json_encode($logged);
                }
            }
            return [...$problems, ...$this->mock->checkRequests($expect['requests'] ?? [])];
        }
        if (isset($expect['error'])) {
            return ["expected a {$expect['error']['class']} error, got a {$outcome['kind']}"];
        }
        $problems = $this->checkOutcome($outcome, $result, $expect, $client);
        if ($outcome['kind'] === 'result' && isset($step['save'])) {
            $this->saved[$step['save']] = $outcome['value'];
        }
        return [...$problems, ...$this->mock->checkRequests($expect['requests'] ?? [])];
    }

    /** The wire JSON of a result: models as received (unknown fields included), lists mapped. */
    private static function wire(mixed $value): mixed
    {
        if ($value instanceof Model) {
            return $value->toArray();
        }
        if (is_array($value)) {
            return array_map(static fn (mixed $item): mixed => self::wire($item), $value);
        }
        return $value;
    }

    /** @return list<string> */
    private function checkOutcome(array $outcome, mixed $result, array $expect, Client $client): array
    {
        $problems = [];
        switch ($outcome['kind']) {
            case 'result':
                if (isset($expect['result'])) {
                    $problems = Checks::match($outcome['value'], $expect['result'], 'result');
                }
                $last = $client->getLastResponse();
                if (isset($expect['request_id']) && preg_match('/^req_/', (string) $last?->requestId) !== 1) {
                    $problems[] = 'result request id is ' . json_encode($last?->requestId) . ', expected req_…';
                }
                $wantLimit = $expect['rate_limit']['limit'] ?? null;
                if ($wantLimit !== null && $last?->rateLimit?->limit !== $wantLimit) {
                    $problems[] = 'result rate-limit limit is ' . json_encode($last?->rateLimit?->limit)
                        . ", expected $wantLimit";
                }
                break;
            case 'page':
                $page = $expect['page'] ?? null;
                $differs = $page !== null
                    && (count($outcome['items']) !== $page['count'] || $outcome['has_next'] !== $page['has_next']);
                if ($differs) {
                    $problems[] = sprintf(
                        'page has %d items (next: %s), expected %d (next: %s)',
                        count($outcome['items']),
                        json_encode($outcome['has_next']),
                        $page['count'],
                        json_encode($page['has_next']),
                    );
                }
                array_push($problems, ...Checks::items($outcome['items'], $expect['items'] ?? []));
                break;
            case 'paginate':
                array_push($problems, ...Checks::items($outcome['items'], $expect['items'] ?? []));
                break;
            case 'stream':
                if (isset($expect['events'])) {
                    array_push($problems, ...Checks::events($outcome['items'], $expect['events']));
                }
                break;
        }
        return $problems;
    }

    /** @return list<string> */
    private function checkError(\Throwable $error, array $expect): array
    {
        $want = $expect['error'];
        $problems = [];
        $class = self::CLASSES[$want['class']];
        if (!$error instanceof $class) {
            return ['expected ' . $class . ', got ' . get_class($error) . ': ' . $error->getMessage()];
        }
        $api = $error instanceof ApiException ? $error : null;
        $envelope = $api?->getError() ?? [];
        preg_match('/after (\d+) retries/', $error->getMessage(), $retried);
        $actual = [
            'status' => $api?->getStatusCode(),
            'type' => $envelope['type'] ?? null,
            'code' => $envelope['code'] ?? null,
            'param' => $envelope['param'] ?? null,
            'retries' => isset($retried[1]) ? (int) $retried[1] : ($api !== null ? 0 : null),
        ];
        foreach ($actual as $field => $value) {
            if (array_key_exists($field, $want) && $value !== $want[$field]) {
                $problems[] = "error $field is " . json_encode($value) . ', expected ' . json_encode($want[$field]);
            }
        }
        foreach ($want['message_contains'] ?? [] as $text) {
            if (!str_contains($error->getMessage(), $text)) {
                $problems[] = 'error message does not name ' . json_encode($text) . ': ' . $error->getMessage();
            }
        }
        foreach ($want['message_excludes'] ?? [] as $text) {
            if (str_contains($error->getMessage(), $text)) {
                $problems[] = 'error message contains ' . json_encode($text);
            }
        }
        if (isset($want['request_id']) && preg_match('/^req_/', (string) $api?->getRequestId()) !== 1) {
            $problems[] = 'error request id is ' . json_encode($api?->getRequestId()) . ', expected req_…';
        }
        if (isset($expect['rate_limit'])) {
            $limit = $api?->getRateLimit()?->limit;
            if (isset($expect['rate_limit']['limit']) && $limit !== $expect['rate_limit']['limit']) {
                $problems[] = 'error rate-limit limit is ' . json_encode($limit)
                    . ", expected {$expect['rate_limit']['limit']}";
            }
            $after = $api?->getRetryAfter();
            $wantAfter = $expect['rate_limit']['retry_after'] ?? null;
            if ($wantAfter !== null && !Checks::same($after, $wantAfter)) {
                $problems[] = 'error retry-after is ' . json_encode($after) . ", expected $wantAfter";
            }
        }
        return $problems;
    }

    /** @return list<string> every vector of the spec's own scheme through $client->webhooks->verify() */
    private function vectors(Client $client, string $file, int $minCases): array
    {
        $vectors = json_decode((string) file_get_contents("{$this->repoRoot}/$file"), true)['cases'];
        $own = array_filter($vectors, static fn (array $v): bool => $v['scheme']['header'] === 'Embott-Signature'
            && $v['scheme']['scheme'] === 'timestamped' && $v['scheme']['encoding'] === 'hex');
        $problems = count($own) >= $minCases
            ? []
            : [count($own) . " vectors of the spec's scheme, expected at least $minCases"];
        foreach ($own as $vector) {
            $body = $vector['body_encoding'] === 'base64'
                ? (string) base64_decode($vector['body'], true)
                : $vector['body'];
            $got = self::verify(
                $client,
                $body,
                $vector['header'],
                $vector['secret'],
                $vector['tolerance'],
                $vector['now'],
            );
            if ($got !== $vector['expect']) {
                $problems[] = "vector {$vector['name']}: got $got, expected {$vector['expect']}";
            }
        }
        return $problems;
    }

    /** "valid" or the signature exception's reason. */
    public static function verify(
        Client $client,
        string $body,
        mixed $header,
        string $secret,
        ?int $tolerance = null,
        ?int $now = null,
    ): string {
        try {
            $client->webhooks->verify($body, $header, $secret, $tolerance, $now);
            return 'valid';
        } catch (WebhookSignatureException $error) {
            return $error->getReason();
        }
    }
}
