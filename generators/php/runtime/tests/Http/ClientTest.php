<?php

declare(strict_types=1);

namespace Embott\Tests\Http;

use Embott\Exception\ApiException;
use Embott\Exception\AuthenticationException;
use Embott\Exception\ConflictException;
use Embott\Exception\ConnectionException;
use Embott\Exception\EmbottException;
use Embott\Exception\InternalServerException;
use Embott\Exception\InvalidArgumentException;
use Embott\Exception\NotFoundException;
use Embott\Exception\RateLimitException;
use Embott\Exception\SdkException;
use Embott\Exception\TimeoutException;
use Embott\Core\Operation;
use Embott\Http\Request;
use Embott\Http\Response;
use Embott\Http\Transport;
use Embott\Tests\Support\MemoryLogger;
use Embott\Tests\Support\TestClient;

final class ClientTest extends ServerTestCase
{
    public function testSendsAuthJsonAndAFreshIdempotencyKeyPerPost(): void
    {
        $client = $this->client();
        $op = self::op('POST', '/echo/{id}', ['q'], ['name']);
        $echo = $client->call($op, ['id' => 'a b', 'q' => [1, 2], 'name' => 'Zoë/1']);
        self::assertSame('POST', $echo['method']);
        self::assertSame('/echo/a%20b?q=1&q=2', $echo['target']);
        self::assertSame('Bearer ' . self::KEY, $echo['headers']['authorization']);
        self::assertSame('application/json', $echo['headers']['content-type']);
        self::assertSame('{"name":"Zoë/1"}', $echo['body']);
        self::assertMatchesRegularExpression('/^idem_[0-9a-f-]{36}$/', $echo['headers']['idempotency-key']);
        $again = $client->call(self::op('POST', '/echo', [], ['optional']), []);
        self::assertSame('{}', $again['body']);
        self::assertNotSame($echo['headers']['idempotency-key'], $again['headers']['idempotency-key']);
        $get = $client->call(self::op('GET', '/echo'), []);
        self::assertArrayNotHasKey('idempotency-key', $get['headers']);
    }

    public function testReusesOneConnection(): void
    {
        $client = $this->client();
        $before = $client->call(self::op('GET', '/stats'), [])['connections'];
        for ($i = 0; $i < 5; $i++) {
            $client->call(self::op('GET', '/echo'), []);
        }
        self::assertSame($before, $client->call(self::op('GET', '/stats'), [])['connections']);
    }

    public function testRequestsInARowOnOneHandleCarryOnlyTheirOwnMethodBodyAndHeaders(): void
    {
        $client = $this->client();
        $post = self::op('POST', '/echo', [], ['name']);
        $calls = [
            [self::op('GET', '/echo', ['q']), ['q' => 'x']],
            [self::op('GET', '/echo'), []],
            [$post, ['name' => 'a']],
            [self::op('GET', '/echo'), []],
            [self::op('DELETE', '/echo'), []],
            [self::op('GET', '/echo'), []],
        ];
        $seen = [];
        foreach ($calls as [$op, $params]) {
            $echo = $client->call($op, $params);
            $body = $echo['body'] === '' ? '' : " {$echo['body']}";
            $key = isset($echo['headers']['idempotency-key']) ? 'key' : '-';
            $seen[] = "{$echo['method']} {$echo['target']}$body $key";
        }
        $expected = ['GET /echo?q=x -', 'GET /echo -', 'POST /echo {"name":"a"} key', 'GET /echo -', 'DELETE /echo key',
            'GET /echo -'];
        self::assertSame($expected, $seen);
    }

    public function testRetries503WithBackoffReusingTheIdempotencyKey(): void
    {
        $client = $this->client();
        $result = $client->call(self::op('POST', '/flaky/' . uniqid() . '/2/503'), []);
        self::assertSame(3, $result['attempts']);
        self::assertSame('2', $result['retry_count']);
        self::assertSame([RetryPolicyExpect::backoff(0), RetryPolicyExpect::backoff(1)], $client->sleeps);
        $all = $client->call(self::op('GET', '/log'), [])['data'];
        $log = array_values(array_filter($all, static fn (array $r): bool => str_starts_with($r['path'], '/flaky')));
        $keys = array_unique(array_map(static fn (array $r): string => $r['headers']['idempotency-key'], $log));
        self::assertCount(1, $keys);
        self::assertSame($result['idempotency_key'], $keys[0]);
    }

    public function testRetriesDroppedConnectionsAndExposesTheKeyWhenTheyPersist(): void
    {
        $client = $this->client();
        self::assertSame(2, $client->call(self::op('POST', '/flaky/' . uniqid() . '/1/drop'), [])['attempts']);
        $client->sleeps = [];
        try {
            $client->call(self::op('POST', '/drop'), [], ['idempotency_key' => 'idem_mine', 'max_retries' => 1]);
            self::fail('no exception');
        } catch (ConnectionException $error) {
            self::assertSame('idem_mine', $error->getIdempotencyKey());
            self::assertStringContainsString('127.0.0.1', $error->getMessage());
            self::assertCount(1, $client->sleeps);
        }
    }

    public function testHonoursRetryAfterAndGivesUpAtOnceOverTheCap(): void
    {
        $client = $this->client(['max_retry_after' => 5]);
        $client->fixedRandom = 0.0;
        $op = self::op('GET', '/flaky/' . uniqid() . '/1/429', ['retry_after']);
        self::assertSame(2, $client->call($op, ['retry_after' => '3'])['attempts']);
        self::assertSame([3.0], $client->sleeps);
        try {
            $client->call(self::op('GET', '/status/429'), [], ['query' => ['retry_after' => '30']]);
            self::fail('no exception');
        } catch (RateLimitException $error) {
            self::assertSame(30.0, $error->getRetryAfter());
            self::assertStringContainsString('max_retry_after', $error->getMessage());
            self::assertSame([3.0], $client->sleeps, 'no sleep when the wait is over the cap');
        }
    }

    public function testConflictIsNotRetriedUnlessTheServerSaysSo(): void
    {
        $client = $this->client();
        try {
            $client->call(self::op('POST', '/status/409'), []);
            self::fail('no exception');
        } catch (ConflictException $error) {
            self::assertSame([], $client->sleeps);
            self::assertSame(409, $error->getStatusCode());
            self::assertNotNull($error->getIdempotencyKey());
        }
        $this->expectException(InternalServerException::class);
        try {
            $client->call(self::op('GET', '/status/503', ['should_retry']), ['should_retry' => 'false']);
        } finally {
            self::assertSame([], $client->sleeps);
        }
    }

    public function testErrorsAreTypedWithStatusRequestIdAndAdvice(): void
    {
        $client = $this->client(['max_retries' => 0]);
        $cases = [
            400 => 'BadRequestException',
            401 => 'AuthenticationException',
            403 => 'PermissionDeniedException',
            404 => 'NotFoundException',
            409 => 'ConflictException',
            422 => 'UnprocessableEntityException',
            429 => 'RateLimitException',
            500 => 'InternalServerException',
            418 => 'ApiException',
        ];
        foreach ($cases as $status => $class) {
            try {
                $client->call(self::op('GET', "/status/$status", ['param']), ['param' => 'name']);
                self::fail("no exception for $status");
            } catch (ApiException $error) {
                self::assertSame("Embott\\Exception\\$class", $error::class);
                self::assertInstanceOf(EmbottException::class, $error);
                self::assertSame($status, $error->getStatusCode());
                self::assertSame('req_test', $error->getRequestId());
                self::assertSame('api_error', $error->getError()['type'] ?? null);
                self::assertStringContainsString("$status api_error: failed (request req_test)", $error->getMessage());
            }
        }
    }

    public function testTheKeyIsScrubbedFromEchoedErrorsDumpsAndLogs(): void
    {
        $logger = new MemoryLogger();
        $client = $this->client(['logger' => $logger, 'max_retries' => 1]);
        try {
            $client->call(self::op('GET', '/status/500', ['echo_auth']), ['echo_auth' => '1']);
            self::fail('no exception');
        } catch (InternalServerException $error) {
            $dumps = [$error->getMessage(), print_r($error, true), var_export($error->getBody(), true)];
            array_push($dumps, json_encode($error->getHeaders()), (string) $error);
            ob_start();
            var_dump($error, $client);
            $dumps[] = (string) ob_get_clean();
            $dumps[] = print_r($client, true);
            $dumps[] = $logger->dump();
            foreach ($dumps as $dump) {
                self::assertStringNotContainsString(self::KEY, $dump);
                self::assertStringNotContainsString(rawurlencode(self::KEY), $dump);
            }
            self::assertStringContainsString('***', $error->getMessage());
            self::assertCount(4, array_filter($logger->lines, static fn (array $l): bool => $l[0] === 'debug'));
        }
    }

    public function testTimeoutsAreTypedAndRetried(): void
    {
        $client = $this->client(['timeout' => 0.2, 'max_retries' => 1]);
        $started = microtime(true);
        try {
            $client->call(self::op('GET', '/slow/600'), []);
            self::fail('no exception');
        } catch (TimeoutException $error) {
            self::assertStringContainsString('timed out after 0.2 s', $error->getMessage());
            self::assertCount(1, $client->sleeps);
            self::assertLessThan(2.0, microtime(true) - $started);
        }
        self::assertTrue($client->call(self::op('GET', '/slow/50'), [], ['timeout' => 2])['slow']);
    }

    public function testRefusedConnectionNamesHostAndPort(): void
    {
        $socket = stream_socket_server('tcp://127.0.0.1:0');
        self::assertIsResource($socket);
        $address = (string) stream_socket_get_name($socket, false);
        fclose($socket);
        $client = new TestClient(['api_key' => self::KEY, 'base_url' => "http://$address/v1", 'max_retries' => 0]);
        $this->expectException(ConnectionException::class);
        $this->expectExceptionMessageMatches('/' . preg_quote($address, '/') . '.*(refused|connect)/i');
        $client->call(self::op('GET', '/x'), []);
    }

    public function testAResponseThatIsNotJsonIsATypedErrorUnlessReadRaw(): void
    {
        self::assertSame('not json', $this->client()->callRaw(self::op('GET', '/text'), []));
        $this->expectException(SdkException::class);
        $this->expectExceptionMessage('not valid JSON');
        $this->client()->call(self::op('GET', '/text'), []);
    }

    public function testParametersAreNeverSilentlyDropped(): void
    {
        $client = $this->client();
        $op = new Operation('bots.create', 'POST', '/echo', body: ['name', 'welcome_message'], required: ['name']);
        $cases = [
            [['welcome_message' => 'hi'], 'missing required parameter "name"'],
            [['name' => 'a', 'welcomMessage' => 'hi'], 'parameter "welcomMessage" (did you mean "welcome_message"?)'],
            [['name' => 'a', 'welcomeMessage' => 'hi'], 'did you mean "welcome_message"?'],
            [['name' => 'a', 'color' => 'red'], '(accepted: name, welcome_message)'],
        ];
        foreach ($cases as [$params, $message]) {
            try {
                $client->call($op, $params);
                self::fail('accepted ' . json_encode($params));
            } catch (InvalidArgumentException $error) {
                self::assertStringContainsString($message, $error->getMessage());
            }
        }
        $open = new Operation('x.open', 'POST', '/echo', body: ['name'], openBody: true);
        self::assertSame('{"name":"a","extra":1}', $client->call($open, ['name' => 'a', 'extra' => 1])['body']);
    }

    public function testBadConfigurationFailsAtConstruction(): void
    {
        $bad = [
            [['api_key' => self::KEY, 'base_url' => 'api.example.com/v1'], 'http:// or https://'],
            [['api_key' => "sk_live_caf\u{00e9}"], 'non-ASCII'],
            [['api_key' => self::KEY, 'max_retries' => -1], 'max_retries'],
            [['api_key' => self::KEY, 'timeout' => 0], 'timeout'],
            [['api_key' => self::KEY, 'http_client' => new \stdClass()], 'http_client'],
            [['api_key' => self::KEY, 'baseUrl' => 'x'], 'Unknown client option "baseUrl"'],
            [['api_key' => self::KEY, 'default_headers' => ['X-A' => "a\r\nb"]], 'default_headers'],
        ];
        foreach ($bad as [$options, $message]) {
            try {
                new TestClient($options);
                self::fail('accepted ' . $message);
            } catch (InvalidArgumentException $error) {
                self::assertStringContainsString($message, $error->getMessage());
                self::assertStringNotContainsString('caf', $error->getMessage());
            }
        }
        putenv('EMBOTT_API_KEY');
        $this->expectExceptionMessage('EMBOTT_API_KEY');
        new TestClient([]);
    }

    public function testTheKeyAndBaseUrlDefaultToTheEnvironment(): void
    {
        putenv('EMBOTT_API_KEY=' . self::KEY);
        putenv('EMBOTT_TEST_BASE_URL=' . self::$server->url);
        try {
            $client = new TestClient([]);
            self::assertSame(self::$server->url, $client->baseUrl);
            $headers = $client->call(self::op('GET', '/echo'), [])['headers'];
            self::assertSame('Bearer ' . self::KEY, $headers['authorization']);
        } finally {
            putenv('EMBOTT_API_KEY');
            putenv('EMBOTT_TEST_BASE_URL');
        }
    }

    public function testACustomTransportReceivesPlainRequests(): void
    {
        $transport = new class () implements Transport {
            /** @var list<Request> */
            public array $requests = [];

            public function send(Request $request): Response
            {
                $this->requests[] = $request;
                return new Response(200, ['x-request-id' => 'req_1'], '{"ok":true}');
            }
        };
        $options = ['api_key' => self::KEY, 'http_client' => $transport, 'default_headers' => ['X-Team' => 'a']];
        $client = new TestClient($options);
        $options = ['headers' => ['X-Team' => null, 'X-Trace' => 't']];
        self::assertSame(['ok' => true], $client->call(self::op('DELETE', '/bots/{id}'), ['id' => 'bot_1'], $options));
        $request = $transport->requests[0];
        self::assertSame('https://api.embott.com/v1/bots/bot_1', $request->url);
        self::assertArrayNotHasKey('X-Team', $request->headers);
        self::assertSame('t', $request->headers['X-Trace']);
        self::assertStringNotContainsString(self::KEY, print_r($request, true));
    }

    public function testTheLastSuccessfulResponseExposesItsRequestIdAndRateLimit(): void
    {
        $transport = new class () implements Transport {
            public int $sent = 0;

            public function send(Request $request): Response
            {
                $this->sent++;
                $headers = ['x-request-id' => "req_$this->sent", 'x-ratelimit-limit' => '600'];
                $headers['x-ratelimit-remaining'] = (string) (600 - $this->sent);
                return $this->sent === 3
                    ? new Response(404, ['x-request-id' => 'req_3'], '{"error":{"message":"no"}}')
                    : new Response(200, $headers, '{"ok":true}');
            }
        };
        $client = new TestClient(['api_key' => self::KEY, 'http_client' => $transport]);
        self::assertNull($client->getLastResponse());
        $client->call(self::op('GET', '/bots'), []);
        $client->call(self::op('GET', '/bots'), []);
        $last = $client->getLastResponse();
        self::assertNotNull($last);
        self::assertSame(200, $last->statusCode);
        self::assertSame('req_2', $last->getRequestId());
        self::assertSame(600, $last->getRateLimit()?->limit);
        self::assertSame(598, $last->rateLimit?->remaining);
        try {
            $client->call(self::op('GET', '/bots'), []);
            self::fail('no exception');
        } catch (NotFoundException $error) {
            self::assertSame('req_3', $error->getRequestId());
        }
        self::assertSame('req_2', $client->getLastResponse()?->requestId, 'an error does not replace the last success');
        $client->call(self::op('GET', '/bots'), []);
        self::assertSame('req_4', $client->getLastResponse()?->requestId, 'read again after the next success');
    }

    public function testAuthInTheQueryIsScrubbedFromConnectionErrors(): void
    {
        $options = ['api_key' => self::KEY, 'base_url' => self::$server->url, 'max_retries' => 0];
        $client = new TestClient($options, 'query:api_key');
        self::assertSame(self::KEY, $client->call(self::op('GET', '/echo'), [])['query']['api_key']);
        try {
            $client->call(self::op('GET', '/drop'), []);
            self::fail('no exception');
        } catch (ConnectionException $error) {
            self::assertStringNotContainsString(self::KEY, print_r($error, true));
        }
        $notFound = $this->catch(fn () => $client->call(self::op('GET', '/nowhere'), []));
        self::assertInstanceOf(NotFoundException::class, $notFound);
        $unauthorized = $this->catch(fn () => $client->call(self::op('GET', '/status/401'), []));
        self::assertInstanceOf(AuthenticationException::class, $unauthorized);
    }

    private function catch(\Closure $call): ?\Throwable
    {
        try {
            $call();
        } catch (\Throwable $error) {
            return $error;
        }
        return null;
    }
}
