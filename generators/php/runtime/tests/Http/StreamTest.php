<?php

declare(strict_types=1);

namespace Embott\Tests\Http;

use Embott\Exception\ApiException;
use Embott\Exception\StreamTruncatedException;
use Embott\Exception\TimeoutException;
use Embott\Streaming\Stream;
use Embott\Streaming\StreamSpec;

final class StreamTest extends ServerTestCase
{
    private function open(string $scenario, array $options = []): Stream
    {
        return $this->client($options)->callStream(
            self::op('POST', "/sse/$scenario"),
            [],
            [],
            new StreamSpec(final: 'message.completed'),
            static fn (array $raw): object => (object) $raw,
        );
    }

    public function testYieldsEventsAsTheyArrive(): void
    {
        $stream = $this->open('ok');
        self::assertSame('req_sse', $stream->requestId);
        $arrivals = [];
        $types = [];
        foreach ($stream as $event) {
            $arrivals[] = microtime(true);
            $types[] = $event->type;
        }
        $delta = 'message.delta';
        self::assertSame(['message.started', $delta, $delta, $delta, 'message.completed'], $types);
        self::assertGreaterThan(0.25, $arrivals[4] - $arrivals[0], 'events were not buffered until the end');
        $this->expectException(\Embott\Exception\SdkException::class);
        foreach ($stream as $event) {
            self::fail('a stream is read once');
        }
    }

    public function testEventsSplitAcrossChunksAndTheFinalEvent(): void
    {
        $final = $this->open('split')->finalEvent();
        self::assertSame('Zoë', $final->message['content']);
    }

    public function testBreakingOutOfTheLoopStopsTheTransfer(): void
    {
        $started = microtime(true);
        foreach ($this->open('long') as $event) {
            break;
        }
        self::assertLessThan(1.0, microtime(true) - $started, 'the 4 s stream was not read to the end');
        $client = $this->client();
        self::assertSame('GET', $client->call(self::op('GET', '/echo'), [])['method'], 'the server is free again');
    }

    public function testAStreamThatEndsBeforeItsFinalEventIsTruncated(): void
    {
        $types = [];
        try {
            foreach ($this->open('truncated') as $event) {
                $types[] = $event->type;
            }
            self::fail('no exception');
        } catch (StreamTruncatedException $error) {
            self::assertSame(['message.started', 'message.delta'], $types);
            self::assertStringContainsString('message.completed', $error->getMessage());
        }
    }

    public function testAConnectionResetMidStreamIsTyped(): void
    {
        $this->expectException(StreamTruncatedException::class);
        foreach ($this->open('reset') as $event) {
            self::assertIsObject($event);
        }
    }

    public function testASilentStreamTimesOut(): void
    {
        $started = microtime(true);
        try {
            foreach ($this->open('stall', ['timeout' => 0.5]) as $event) {
                self::assertSame('message.started', $event->type);
            }
            self::fail('no exception');
        } catch (TimeoutException $error) {
            self::assertLessThan(1.5, microtime(true) - $started);
            self::assertStringContainsString('sent nothing for 0.5 s', $error->getMessage());
        }
    }

    public function testAnErrorEventIsAnApiException(): void
    {
        try {
            foreach ($this->open('error') as $event) {
                self::assertSame('message.started', $event->type);
            }
            self::fail('no exception');
        } catch (ApiException $error) {
            self::assertNull($error->getStatusCode());
            self::assertStringContainsString('model overloaded', $error->getMessage());
        }
    }
}
