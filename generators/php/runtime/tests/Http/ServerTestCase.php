<?php

declare(strict_types=1);

namespace Embott\Tests\Http;

use Embott\Core\Operation;
use Embott\Tests\Support\ScriptServer;
use Embott\Tests\Support\TestClient;
use PHPUnit\Framework\TestCase;

/** Tests against the scripted local server, started once per class. */
abstract class ServerTestCase extends TestCase
{
    protected const KEY = 'sk_live_secretkey_0001';
    protected static ScriptServer $server;

    public static function setUpBeforeClass(): void
    {
        self::$server = ScriptServer::scripted();
    }

    public static function tearDownAfterClass(): void
    {
        self::$server->stop();
    }

    /** @param array<string, mixed> $options */
    protected function client(array $options = []): TestClient
    {
        return new TestClient(['api_key' => self::KEY, 'base_url' => self::$server->url] + $options);
    }

    /**
     * @param list<string> $query
     * @param list<string> $body
     */
    protected static function op(string $method, string $path, array $query = [], array $body = []): Operation
    {
        preg_match_all('/\{(\w+)\}/', $path, $matches);
        return new Operation('test.call', $method, $path, path: $matches[1], query: $query, body: $body);
    }
}
