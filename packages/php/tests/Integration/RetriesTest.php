<?php

declare(strict_types=1);

namespace Embott\Tests\Integration;

use Embott\Exception\ConnectionException;
use Embott\Exception\InternalServerException;
use Embott\Exception\RateLimitException;
use Embott\Exception\TimeoutException;
use Embott\Model\Bot;
use Embott\Tests\Support\MockTestCase;

/** Injected faults on the real mock: retries recover, and every POST creates exactly one resource. */
final class RetriesTest extends MockTestCase
{
    public function testRetries503And429AndDroppedConnections(): void
    {
        $client = $this->client();
        self::$mock->fault(['method' => 'POST', 'path' => '/bots', 'status' => 503, 'retry_after' => 0]);
        self::$mock->fault(['method' => 'POST', 'path' => '/bots', 'status' => 429, 'retry_after' => 0]);
        $bot = $client->bots->create(['name' => 'Resilient']);
        self::assertInstanceOf(Bot::class, $bot);
        self::$mock->fault(['method' => 'POST', 'path' => '/bots', 'drop' => true]);
        $client->bots->create(['name' => 'Resilient 2']);
        $this->assertOneAttemptKeyPerCall(['Resilient' => 3, 'Resilient 2' => 2]);
        $this->assertBotsNamed(['Resilient' => 1, 'Resilient 2' => 1]);
    }

    public function testALostResponseIsRetriedWithTheSameKeyAndCreatesOneBot(): void
    {
        $client = $this->client(['timeout' => 0.5]);
        self::$mock->fault(['method' => 'POST', 'path' => '/bots', 'delay_ms' => 1500]);
        $bot = $client->bots->create(['name' => 'Lost response']);
        self::assertSame('Lost response', $bot->name);
        usleep(1_300_000); // the first, delayed attempt completes on the server
        $this->assertBotsNamed(['Lost response' => 1]);
    }

    public function testServerWaitsAreHonouredAndTheRetryBudgetEnds(): void
    {
        $client = $this->client(['max_retries' => 1]);
        self::$mock->fault(['method' => 'GET', 'path' => '/bots', 'status' => 503, 'retry_after' => 2, 'times' => 2]);
        try {
            $client->bots->list();
            self::fail('no exception');
        } catch (InternalServerException $error) {
            self::assertSame(503, $error->getStatusCode());
            self::assertCount(1, $client->sleeps);
            self::assertGreaterThanOrEqual(2.0, $client->sleeps[0]);
            self::assertLessThanOrEqual(2.2, $client->sleeps[0]);
            self::assertStringContainsString('after 1 retries', $error->getMessage());
        }
        self::$mock->fault(['method' => 'GET', 'path' => '/bots', 'status' => 429, 'retry_after' => 3600]);
        try {
            $client->bots->list();
            self::fail('no exception');
        } catch (RateLimitException $error) {
            self::assertSame(3600.0, $error->getRetryAfter());
            self::assertCount(1, $client->sleeps, 'a wait over max_retry_after is not slept');
            self::assertNotNull($error->getRateLimit()?->limit);
        }
    }

    public function testPersistentFailuresExposeTheIdempotencyKeyForASafeManualRetry(): void
    {
        $client = $this->client(['max_retries' => 1]);
        self::$mock->fault(['method' => 'POST', 'path' => '/bots', 'drop' => true, 'times' => 2]);
        try {
            $client->bots->create(['name' => 'Manual retry']);
            self::fail('no exception');
        } catch (ConnectionException $error) {
            self::assertNotInstanceOf(TimeoutException::class, $error);
            $key = $error->getIdempotencyKey();
            self::assertIsString($key);
        }
        $bot = $client->bots->create(['name' => 'Manual retry'], ['idempotency_key' => $key]);
        $again = $client->bots->create(['name' => 'Manual retry'], ['idempotency_key' => $key]);
        self::assertSame($bot->id, $again->id);
        $this->assertBotsNamed(['Manual retry' => 1]);
    }

    public function testManyCreatesUnderRandomFaultsNeverDuplicate(): void
    {
        $client = $this->client(['timeout' => 0.4]);
        mt_srand(12);
        $names = [];
        for ($i = 0; $i < 12; $i++) {
            $faults = [['status' => 503, 'retry_after' => 0], ['status' => 500], ['drop' => true], ['delay_ms' => 700]];
            $faults[] = [];
            $fault = $faults[mt_rand(0, 4)];
            if ($fault !== []) {
                self::$mock->fault(['method' => 'POST', 'path' => '/bots'] + $fault);
            }
            $name = "Fault bot $i";
            $client->bots->create(['name' => $name]);
            $names[$name] = 1;
        }
        usleep(800_000);
        $this->assertBotsNamed($names);
    }

    /** @param array<string, int> $expected name => attempts */
    private function assertOneAttemptKeyPerCall(array $expected): void
    {
        $byName = [];
        foreach (self::$mock->requests(['method' => 'POST', 'path' => '/v1/bots']) as $request) {
            $byName[$request['body']['name']][] = $request['idempotency_key'];
        }
        foreach ($expected as $name => $attempts) {
            self::assertCount($attempts, $byName[$name], $name);
            self::assertCount(1, array_unique($byName[$name]), "$name: one key across retries");
        }
    }

    /** @param array<string, int> $expected name => how many bots must exist */
    private function assertBotsNamed(array $expected): void
    {
        $counts = [];
        foreach ($this->client()->bots->list(['limit' => 100]) as $bot) {
            $counts[$bot->name] = ($counts[$bot->name] ?? 0) + 1;
        }
        foreach ($expected as $name => $count) {
            self::assertSame($count, $counts[$name] ?? 0, $name);
        }
    }
}
