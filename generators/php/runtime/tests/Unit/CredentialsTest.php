<?php

declare(strict_types=1);

namespace Embott\Tests\Unit;

use Embott\Core\Credential;
use Embott\Core\Operation;
use Embott\Exception\InvalidArgumentException;
use Embott\Http\Request;
use Embott\Http\Response;
use Embott\Pagination\Pagination;
use Embott\Tests\Support\MemoryLogger;
use Embott\Tests\Support\RecordingTransport;
use Embott\Tests\Support\TestClient;
use PHPUnit\Framework\TestCase;

/**
 * Credentials as the spec says: one option per scheme, each defaulting to its environment variable; each request
 * sends the first alternative of its operation's (else the API's) security the client holds; none fitting fails
 * before sending, naming the options to pass.
 */
final class CredentialsTest extends TestCase
{
    private const ROOT = [['auth_email', 'auth_key'], ['api_key']];

    private RecordingTransport $transport;

    protected function setUp(): void
    {
        $this->transport = new RecordingTransport();
    }

    public function testTheFirstAlternativeTheClientHoldsIsSentAndNothingElse(): void
    {
        $client = $this->client(['auth_email' => 'me@example.com', 'auth_key' => 'key_1', 'api_key' => 'tok_1']);
        $client->call(self::op(), []);
        $headers = $this->sent()->headers;
        self::assertSame('me@example.com', $headers['X-Auth-Email']);
        self::assertSame('key_1', $headers['X-Auth-Key']);
        self::assertArrayNotHasKey('Authorization', $headers);

        $client = $this->client(['api_key' => 'tok_1']);
        $client->call(self::op(), []);
        self::assertSame('Bearer tok_1', $this->sent()->headers['Authorization']);
        self::assertArrayNotHasKey('X-Auth-Email', $this->sent()->headers);
    }

    public function testHalfAnAlternativeFailsAtConstructionNamingEveryOptionAndVariable(): void
    {
        try {
            $this->client(['auth_email' => 'me@example.com']);
            self::fail('no exception');
        } catch (InvalidArgumentException $error) {
            self::assertSame(
                "Missing credentials: pass ['auth_email' => …, 'auth_key' => …] or ['api_key' => …] to new Client() "
                    . '(or set TEST_AUTH_EMAIL, TEST_AUTH_KEY, EMBOTT_API_KEY).',
                $error->getMessage(),
            );
            self::assertSame('auth_email', $error->getParam());
            self::assertStringNotContainsString('me@example.com', $error->getMessage());
        }
        self::assertSame([], $this->transport->requests);
    }

    public function testEachCredentialDefaultsToItsEnvironmentVariable(): void
    {
        putenv('TEST_AUTH_EMAIL=env@example.com');
        putenv('TEST_AUTH_KEY=key_env');
        try {
            $client = $this->client([]);
        } finally {
            putenv('TEST_AUTH_EMAIL');
            putenv('TEST_AUTH_KEY');
        }
        $client->call(self::op(), []);
        self::assertSame('env@example.com', $this->sent()->headers['X-Auth-Email']);
        self::assertSame('key_env', $this->sent()->headers['X-Auth-Key']);
    }

    public function testAnOperationsOwnSecurityReplacesTheApisAndAnEmptyListSendsNone(): void
    {
        $client = $this->client(['api_key' => 'tok_1', 'partner_key' => 'pk 1']);
        $client->call(self::op([['partner_key']], ['limit']), ['limit' => 5]);
        self::assertSame('https://api.embott.com/v1/things?limit=5&partner_key=pk%201', $this->sent()->url);
        self::assertArrayNotHasKey('Authorization', $this->sent()->headers);

        $client->call(self::op([]), []);
        self::assertArrayNotHasKey('Authorization', $this->sent()->headers);
        self::assertSame('https://api.embott.com/v1/things', $this->sent()->url);

        $client->call(self::op([['auth_email', 'auth_key'], []]), []);
        self::assertArrayNotHasKey('Authorization', $this->sent()->headers, 'anonymous allowed: nothing sent');
    }

    public function testAQueryCredentialFollowsEveryPageAfterTheCursor(): void
    {
        $this->transport = new RecordingTransport([
            new Response(200, [], '{"data":[{"id":"a"}],"has_more":true}'),
            new Response(200, [], '{"data":[{"id":"b"}],"has_more":false}'),
        ]);
        $client = $this->client(['api_key' => 'tok_1', 'partner_key' => 'pk_1']);
        $pagination = new Pagination('cursor', cursorParam: 'after', hasMore: 'has_more', itemCursor: 'id');
        $operation = self::op([['partner_key']], ['limit']);
        $page = $client->callPage($operation, ['limit' => 1], [], $pagination, static fn (array $item): array => $item);
        self::assertSame(['a', 'b'], array_column(iterator_to_array($page, false), 'id'));
        $urls = array_map(static fn (Request $request): string => $request->url, $this->transport->requests);
        self::assertSame([
            'https://api.embott.com/v1/things?limit=1&partner_key=pk_1',
            'https://api.embott.com/v1/things?limit=1&after=a&partner_key=pk_1',
        ], $urls);
    }

    public function testAnOperationTheClientCannotAuthenticateFailsBeforeSending(): void
    {
        $client = $this->client(['api_key' => 'tok_1']);
        try {
            $client->call(self::op([['partner_key'], ['auth_email', 'auth_key']]), []);
            self::fail('no exception');
        } catch (InvalidArgumentException $error) {
            self::assertSame(
                "GET /things needs credentials: pass ['partner_key' => …] or ['auth_email' => …, 'auth_key' => …] "
                    . 'to new Client().',
                $error->getMessage(),
            );
        }
        self::assertSame([], $this->transport->requests);
    }

    public function testBasicCookieAndHeaderPlacements(): void
    {
        $credentials = [
            'user' => new Credential('basic', null),
            'session' => new Credential('cookie:sid', null),
        ];
        $client = new TestClient(
            ['api_key' => 'k1', 'user' => 'ann', 'session' => 's1', 'http_client' => $this->transport],
            'header:X-Api-Key',
            $credentials,
            [['api_key', 'user', 'session']],
        );
        $operation = new Operation('test.call', 'GET', '/things', cookies: ['theme']);
        $client->call($operation, ['theme' => 'dark']);
        $headers = $this->sent()->headers;
        self::assertSame('k1', $headers['X-Api-Key']);
        self::assertSame('Basic ' . base64_encode('ann:'), $headers['Authorization']);
        self::assertSame('theme=dark; sid=s1', $headers['Cookie']);

        $client = new TestClient(['user' => 'ann:pass word', 'http_client' => $this->transport], 'none', $credentials);
        $client->call(new Operation('test.call', 'GET', '/things', security: [['user']]), []);
        self::assertSame('Basic ' . base64_encode('ann:pass word'), $this->sent()->headers['Authorization']);
    }

    public function testWithoutCredentialsTheClientHasNoKeyOptionAndReadsNoVariable(): void
    {
        putenv('EMBOTT_API_KEY=sk_from_env');
        try {
            $client = new TestClient(['http_client' => $this->transport], 'none');
            $client->call(new Operation('test.call', 'GET', '/things'), []);
            self::assertArrayNotHasKey('Authorization', $this->sent()->headers);
            $this->expectException(InvalidArgumentException::class);
            $this->expectExceptionMessage('Unknown client option "api_key"');
            new TestClient(['api_key' => 'sk_1'], 'none');
        } finally {
            putenv('EMBOTT_API_KEY');
        }
    }

    public function testEveryCredentialIsScrubbedFromDumpsAndLogs(): void
    {
        $logger = new MemoryLogger();
        $client = $this->client(['auth_email' => 'me@example.com', 'auth_key' => 'key_secret_9', 'logger' => $logger]);
        $client->call(self::op([['auth_email', 'auth_key']], ['q']), ['q' => 'key_secret_9']);
        $dump = print_r($client, true) . $logger->dump();
        self::assertStringNotContainsString('key_secret_9', $dump);
        self::assertStringNotContainsString('me@example.com', $dump);
        self::assertStringContainsString('auth_key', print_r($client, true));
    }

    public function testACredentialThatCannotBeSentFailsAtConstruction(): void
    {
        $this->expectException(InvalidArgumentException::class);
        $this->expectExceptionMessage('The "auth_key" credential contains whitespace');
        $this->client(['auth_email' => 'me@example.com', 'auth_key' => "key\n1"]);
    }

    /** @param array<string, mixed> $options */
    private function client(array $options): TestClient
    {
        return new TestClient($options + ['http_client' => $this->transport], 'bearer', [
            'auth_email' => new Credential('header:X-Auth-Email', 'TEST_AUTH_EMAIL'),
            'auth_key' => new Credential('header:X-Auth-Key', 'TEST_AUTH_KEY'),
            'partner_key' => new Credential('query:partner_key', 'TEST_PARTNER_KEY'),
        ], self::ROOT);
    }

    /**
     * @param list<list<string>>|null $security
     * @param list<string> $query
     */
    private static function op(?array $security = null, array $query = []): Operation
    {
        return new Operation('test.call', 'GET', '/things', query: $query, security: $security);
    }

    private function sent(): Request
    {
        $last = end($this->transport->requests);
        self::assertInstanceOf(Request::class, $last);
        return $last;
    }
}
