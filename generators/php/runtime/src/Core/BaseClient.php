<?php

declare(strict_types=1);

namespace Embott\Core;

use Embott\Exception\ConnectionException;
use Embott\Exception\InvalidArgumentException;
use Embott\Exception\SdkException;
use Embott\Http\BufferedStream;
use Embott\Http\Request;
use Embott\Http\Response;
use Embott\Http\StreamedResponse;
use Embott\Http\StreamingTransport;
use Embott\Pagination\Page;
use Embott\Pagination\Pagination;
use Embott\Streaming\Stream;
use Embott\Streaming\StreamSpec;

/**
 * Base of the generated client: authentication, retries with backoff, idempotency keys, timeouts, typed errors,
 * pages, streams and logging. Generated services call call(), callPage() and callStream().
 */
abstract class BaseClient
{
    public readonly string $baseUrl;
    private readonly ClientOptions $options;
    private readonly Redactor $redactor;
    private readonly ErrorFactory $errors;
    private readonly Log $log;
    private readonly Headers $headers;
    private ?ResponseInfo $lastResponse = null;
    /** @var array{int, array<string, string>}|null the last success's status and headers, until read */
    private ?array $lastHead = null;
    /** @var array{headers: array<string, string>, query: array<string, string>, cookies: list<string>}|null */
    private ?array $rootAuth = null;
    private readonly string $retryCountHeader;

    /** @param string|array<string, mixed> $options an API key, or the options array */
    public function __construct(
        #[\SensitiveParameter] string|array $options,
        protected readonly SdkConfig $config,
    ) {
        $this->options = new ClientOptions(is_string($options) ? ['api_key' => $options] : $options, $config);
        $this->baseUrl = $this->options->baseUrl;
        $credentials = $this->options->credentials;
        $secrets = array_values(array_filter([...$credentials->secrets(), $this->options->webhookSecret]));
        $this->redactor = new Redactor($secrets, $credentials->headerNames());
        $this->errors = new ErrorFactory($this->redactor, $config);
        $this->log = new Log($this->options->logger, $this->redactor);
        $this->headers = new Headers($config, $this->options);
        $this->retryCountHeader = $this->headers->telemetry('Retry-Count');
    }

    /**
     * Sends one operation and returns the decoded JSON body (null when empty).
     *
     * @param array<mixed> $params
     * @param array<mixed> $options per-call options: timeout, max_retries, headers, idempotency_key, query
     */
    public function call(Operation $operation, array $params, array $options = []): mixed
    {
        $call = Call::of($operation, $params, $this->options->forCall($options), false, $this->auth($operation));
        return $this->decode($this->send($call));
    }

    /**
     * Sends an operation whose response is text or bytes and returns the body as received.
     *
     * @param array<mixed> $params
     * @param array<mixed> $options
     */
    public function callRaw(Operation $operation, array $params, array $options = []): string
    {
        $options['headers'] = ($options['headers'] ?? []) + ['Accept' => '*/*'];
        $call = Call::of($operation, $params, $this->options->forCall($options), false, $this->auth($operation));
        $response = $this->send($call);
        return $response instanceof Response ? $response->body : self::drain($response);
    }

    /**
     * Sends a list operation and returns its first page; iterate the page to walk every item of every page.
     *
     * @param array<mixed> $params
     * @param array<mixed> $options
     * @param \Closure(array<mixed>): mixed $item builds one item
     */
    public function callPage(
        Operation $operation,
        array $params,
        array $options,
        Pagination $pagination,
        \Closure $item,
    ): Page {
        $call = Call::of($operation, $params, $this->options->forCall($options), false, $this->auth($operation));
        $load = function (string $path, array $query) use ($call): array {
            $response = $this->send($call->withTarget($path, $query));
            return [$this->decode($response), $response->headers];
        };
        [$body, $headers] = $load($call->path, $call->query);
        return new Page($pagination, $load, $item, $call->path, $call->query, $body, $headers, $this->baseUrl);
    }

    /**
     * Sends a streaming operation; returns once the response headers arrive. Iterate the stream for its events.
     *
     * @param array<mixed> $params
     * @param array<mixed> $options
     * @param \Closure(array<mixed>): mixed $event builds one event
     */
    public function callStream(
        Operation $operation,
        array $params,
        array $options,
        StreamSpec $spec,
        \Closure $event,
    ): Stream {
        $call = Call::of($operation, $params, $this->options->forCall($options), true, $this->auth($operation));
        $response = $this->send($call);
        $streamed = $response instanceof Response ? new BufferedStream($response) : $response;
        return new Stream($streamed, $spec, $event, $this->errors);
    }

    /**
     * The status, request id and rate-limit headers of the last successful response this client received (of the
     * last page loaded, for a paginated call), or null before the first one.
     */
    public function getLastResponse(): ?ResponseInfo
    {
        if ($this->lastHead !== null) { // built when first asked for: most calls never read it
            [$status, $headers] = $this->lastHead;
            $this->lastResponse = new ResponseInfo($status, $headers, $this->config->requestIdHeader);
            $this->lastHead = null;
        }
        return $this->lastResponse;
    }

    /** @internal the webhook signing secret from the options or its environment variable */
    public function webhookSecret(): ?string
    {
        return $this->options->webhookSecret;
    }

    /** @internal */
    public function sdkConfig(): SdkConfig
    {
        return $this->config;
    }

    /** @return array<string, mixed> the configuration with every secret masked */
    public function __debugInfo(): array
    {
        return [
            'baseUrl' => $this->baseUrl,
            'apiKey' => $this->options->apiKey === null ? null : '***',
            'credentials' => $this->maskedCredentials(),
            'maxRetries' => $this->options->maxRetries,
            'timeout' => $this->options->timeout,
            'maxRetryAfter' => $this->options->maxRetryAfter,
            'transport' => $this->options->transport::class,
        ];
    }

    /** @return array<string, ?string> each credential option: '***' when the client holds it, else null */
    private function maskedCredentials(): array
    {
        $masked = [];
        foreach (array_keys($this->config->credentialSchemes()) as $option) {
            $masked[$option] = $this->options->credentials->has($option) ? '***' : null;
        }
        return $masked;
    }

    /** @return array<string, mixed> */
    public function __serialize(): array
    {
        throw new SdkException('A client cannot be serialized: it holds the API key. Create a new one instead.');
    }

    /** Waits between retries; tests override it to record the delays instead of sleeping. */
    protected function sleep(float $seconds): void
    {
        usleep((int) round($seconds * 1_000_000));
    }

    /** Jitter source in [0, 1). */
    protected function random(): float
    {
        return mt_rand() / (mt_getrandmax() + 1);
    }

    /** Unix time in seconds (for HTTP-date Retry-After). */
    protected function now(): float
    {
        return microtime(true);
    }

    /** Sends with retries; returns a response below 400 or throws a typed exception. */
    private function send(Call $call): Response|StreamedResponse
    {
        $query = Query::build($call->query + $call->authQuery, $call->styles);
        $url = Query::appendTo($this->url($call->path), $query);
        $headers = $this->headers->for($call);
        $payload = $call->payload;
        $transport = $this->options->transport;
        for ($retry = 0;; $retry++) {
            $attemptHeaders = $headers + [$this->retryCountHeader => (string) $retry];
            $request = new Request($call->method, $url, $attemptHeaders, $payload, $call->timeout);
            if ($this->log->enabled) {
                $this->log->debug("$call->method $url", ['retry' => $retry, 'headers' => $attemptHeaders]);
            }
            $started = hrtime(true);
            try {
                $response = $call->stream && $transport instanceof StreamingTransport
                    ? $transport->openStream($request)
                    : $transport->send($request);
            } catch (ConnectionException $error) {
                if ($retry >= $call->maxRetries) {
                    throw $this->scrubbed($error, $call->idempotencyKey, $retry);
                }
                $this->wait(RetryPolicy::backoff($retry, $this->random()), $call, $error->getMessage());
                continue;
            }
            [$status, $responseHeaders] = $response instanceof Response
                ? [$response->status, $response->headers]
                : [$response->status(), $response->headers()];
            if ($this->log->enabled) {
                $this->log->debug("$call->method $url -> $status", [
                    'request_id' => $responseHeaders[$this->config->requestIdHeader] ?? null,
                    'duration_ms' => intdiv(hrtime(true) - $started, 1_000_000),
                ]);
            }
            if ($status < 400) {
                $this->lastHead = [$status, $responseHeaders];
                return $response;
            }
            $body = $response instanceof Response ? $response->body : self::drain($response);
            $cap = $this->options->maxRetryAfter;
            $delay = RetryPolicy::isRetryable(
                $status,
                $responseHeaders,
                $this->config->retryStatuses,
                $this->config->minServerErrorStatus,
            ) && $retry < $call->maxRetries
                ? RetryPolicy::delay($retry, $responseHeaders, $cap, $this->random(), $this->now())
                : false;
            if (!is_float($delay)) {
                $overCap = $delay === null ? $cap : null;
                $error = $this->errors->fromResponse(
                    $status,
                    $responseHeaders,
                    $body,
                    $call->idempotencyKey,
                    $retry,
                    $this->now(),
                    $overCap,
                );
                throw $error;
            }
            $this->wait($delay, $call, "HTTP $status");
        }
    }

    /**
     * The credentials of the operation's (else the API's) first security alternative the client holds.
     *
     * @return array{headers: array<string, string>, query: array<string, string>, cookies: list<string>}
     */
    private function auth(Operation $operation): array
    {
        if ($operation->security === null) {
            return $this->rootAuth ??= $this->place($operation, $this->config->rootSecurity());
        }
        return $this->place($operation, $operation->security);
    }

    /**
     * @param list<list<string>> $alternatives
     * @return array{headers: array<string, string>, query: array<string, string>, cookies: list<string>}
     */
    private function place(Operation $operation, array $alternatives): array
    {
        $chosen = $this->options->credentials->choose($alternatives);
        if ($chosen === null) {
            throw new InvalidArgumentException(
                "{$operation->method} {$operation->pathTemplate} needs credentials: pass "
                    . Credentials::describe($alternatives) . ' to new Client().',
                $alternatives[0][0] ?? null,
            );
        }
        return $this->options->credentials->place($chosen);
    }

    private function wait(float $seconds, Call $call, string $reason): void
    {
        $this->log->info(sprintf('Retrying %s %s in %.3f s after: %s', $call->method, $call->path, $seconds, $reason));
        $this->sleep($seconds);
    }

    private function url(string $path): string
    {
        if (str_starts_with($path, '/') && !str_starts_with($path, '//')) {
            return $this->baseUrl . $path; // an operation's path: the common case
        }
        return preg_match('~^https?://~i', $path) === 1 ? $path : $this->baseUrl . '/' . ltrim($path, '/');
    }

    private function decode(Response|StreamedResponse $response): mixed
    {
        $body = $response instanceof Response ? $response->body : self::drain($response);
        if ($body === '' || strspn($body, " \t\n\r\0\x0B") === strlen($body)) { // blank, without trim's copy
            return null;
        }
        try {
            return json_decode($body, true, 512, JSON_THROW_ON_ERROR | JSON_BIGINT_AS_STRING);
        } catch (\JsonException $error) {
            $requestId = $response instanceof Response ? $response->header($this->config->requestIdHeader) : null;
            throw new SdkException(
                "The API answered with a body that is not valid JSON ({$error->getMessage()})"
                . ($requestId !== null ? " (request $requestId)" : '') . '.',
            );
        }
    }

    private static function drain(StreamedResponse $response): string
    {
        $body = '';
        try {
            foreach ($response->chunks() as $chunk) {
                $body .= $chunk;
            }
        } catch (ConnectionException) {
            // the error body is best effort: the status already says what failed
        } finally {
            $response->close();
        }
        return $body;
    }

    private function scrubbed(ConnectionException $error, ?string $idempotencyKey, int $retries): ConnectionException
    {
        $message = $this->redactor->text($error->getMessage()) . ($retries > 0 ? " (after $retries retries)" : '');
        $class = $error::class;
        $same = $message === $error->getMessage() && $error->getPrevious() === null;
        return ($same ? $error : new $class($message))->withIdempotencyKey($idempotencyKey);
    }
}
