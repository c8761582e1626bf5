<?php

declare(strict_types=1);

namespace Embott\Tests\Support;

use Embott\Client;
use PHPUnit\Framework\TestCase;

/** Tests of the generated SDK against the real HTTP mock, reset before each test. */
abstract class MockTestCase extends TestCase
{
    protected static MockServer $mock;

    public static function setUpBeforeClass(): void
    {
        self::$mock = MockServer::get();
    }

    protected function setUp(): void
    {
        self::$mock->reset();
    }

    /** @param array<string, mixed> $options */
    protected function client(array $options = []): RecordingClient
    {
        $defaults = ['api_key' => MockServer::ADMIN_KEY, 'base_url' => self::$mock->baseUrl()];
        return new RecordingClient($defaults + $options);
    }
}
