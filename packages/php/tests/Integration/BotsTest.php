<?php

declare(strict_types=1);

namespace Embott\Tests\Integration;

use Embott\Client;
use Embott\Exception\ConflictException;
use Embott\Exception\InvalidArgumentException;
use Embott\Exception\NotFoundException;
use Embott\Exception\PermissionDeniedException;
use Embott\Model\Bot;
use Embott\Model\BotStatus;
use Embott\Model\DeletedBot;
use Embott\Tests\Support\MockServer;
use Embott\Tests\Support\MockTestCase;

final class BotsTest extends MockTestCase
{
    public function testCreateGetUpdateDelete(): void
    {
        $client = $this->client();
        $bot = $client->bots->create(['name' => 'Shop helper', 'welcome_message' => 'Hi!', 'channels' => ['web']]);
        self::assertInstanceOf(Bot::class, $bot);
        self::assertStringStartsWith('bot_', $bot->id);
        self::assertSame('Shop helper', $bot->name);
        self::assertSame(['web'], $bot->channels);
        self::assertContains($bot->status, BotStatus::VALUES);
        self::assertSame('Hi!', $bot->toArray()['welcome_message']);

        $fetched = $client->bots->get(['bot_id' => $bot->id]);
        self::assertSame($bot->id, $fetched->id);

        $updated = $client->bots->update([
            'bot_id' => $bot->id,
            'name' => 'Shop helper 2',
            'status' => 'active',
            'persona' => $fetched->persona->toArray(),
            'welcome_message' => $fetched->welcomeMessage,
            'channels' => $fetched->channels,
            'metadata' => ['team' => 'sales'],
        ]);
        self::assertSame('Shop helper 2', $updated->name);
        self::assertSame(BotStatus::ACTIVE, $updated->status);
        self::assertSame(['team' => 'sales'], $updated->metadata);

        $deleted = $client->bots->delete(['bot_id' => $bot->id]);
        self::assertInstanceOf(DeletedBot::class, $deleted);
        self::assertTrue($deleted->deleted);
        $this->expectException(NotFoundException::class);
        $client->bots->get(['bot_id' => $bot->id]);
    }

    public function testListWalksEveryPageLazily(): void
    {
        $client = $this->client();
        for ($i = 0; $i < 5; $i++) {
            $client->bots->create(['name' => "Paging bot $i"]);
        }
        $all = $client->bots->list(['limit' => 100]);
        $expected = array_map(static fn (Bot $bot): string => $bot->id, $all->data);
        self::assertFalse($all->hasNextPage());

        $page = $client->bots->list(['limit' => 2]);
        self::assertCount(2, $page->data);
        self::assertTrue($page->hasNextPage());
        self::assertCount(2, $page->getNextPage()->data);
        $ids = [];
        foreach ($client->bots->list(['limit' => 2]) as $bot) {
            self::assertInstanceOf(Bot::class, $bot);
            $ids[] = $bot->id;
        }
        self::assertSame($expected, $ids);
        self::assertGreaterThanOrEqual(7, count($ids));
        $listCalls = self::$mock->requests(['method' => 'GET', 'path' => '/v1/bots']);
        self::assertGreaterThanOrEqual(count($ids) / 2 + 2, count($listCalls));
    }

    public function testErrorsCarryStatusRequestIdAndAdvice(): void
    {
        $client = $this->client();
        $client->bots->create(['name' => 'Twin']);
        try {
            $client->bots->create(['name' => 'Twin']);
            self::fail('a duplicate name was accepted');
        } catch (ConflictException $error) {
            self::assertSame(409, $error->getStatusCode());
            self::assertMatchesRegularExpression('/^req_\d+$/', (string) $error->getRequestId());
            self::assertStringContainsString((string) $error->getRequestId(), $error->getMessage());
            self::assertSame([], $client->sleeps, '409 is not retried');
            self::assertStringStartsWith('idem_', (string) $error->getIdempotencyKey());
        }
        try {
            $client->bots->get(['bot_id' => 'bot_missing']);
            self::fail('no exception');
        } catch (NotFoundException $error) {
            self::assertSame('not_found_error', $error->getError()['type'] ?? null);
            self::assertStringContainsString('404 not_found_error', $error->getMessage());
        }
    }

    public function testAKeyWithoutTheScopeNamesTheMissingScope(): void
    {
        $client = new Client(['api_key' => MockServer::READONLY_KEY, 'base_url' => self::$mock->baseUrl()]);
        self::assertNotEmpty($client->bots->list()->data);
        try {
            $client->bots->create(['name' => 'Nope']);
            self::fail('no exception');
        } catch (PermissionDeniedException $error) {
            self::assertSame('bots:write', $error->getMissingScope());
            self::assertStringNotContainsString(MockServer::READONLY_KEY, print_r($error, true));
        }
    }

    public function testUnknownAndMissingParametersFailBeforeAnyRequest(): void
    {
        $client = $this->client();
        try {
            $client->bots->create(['name' => 'Typo', 'welcomMessage' => 'hi']);
            self::fail('a typo was silently dropped');
        } catch (InvalidArgumentException $error) {
            self::assertSame('welcomMessage', $error->getParam());
            self::assertStringContainsString('did you mean "welcome_message"', $error->getMessage());
        }
        try {
            $client->bots->get([]);
            self::fail('no exception');
        } catch (InvalidArgumentException $error) {
            self::assertStringContainsString('bots.get: missing required parameter "bot_id"', $error->getMessage());
        }
        self::assertSame([], self::$mock->requests(['method' => 'POST', 'path' => '/v1/bots']));
    }
}
