<?php

declare(strict_types=1);

namespace Embott\Tests\Unit;

use Embott\Streaming\SseParser;
use PHPUnit\Framework\TestCase;

final class SseParserTest extends TestCase
{
    public function testParsesEventsSplitAtEveryByte(): void
    {
        $text = "\u{FEFF}: comment\r\nevent: message.delta\r\ndata: {\"delta\":\"Zo\u{00eb}\"}\r\n\r\n"
            . "id: 7\nretry: 1500\ndata: line one\ndata: line two\n\nevent: empty\n\ndata: tail";
        $parser = new SseParser();
        $events = [];
        foreach (str_split($text) as $byte) {
            array_push($events, ...$parser->push($byte));
        }
        self::assertCount(2, $events);
        self::assertSame('message.delta', $events[0]->event);
        self::assertSame('{"delta":"Zo' . "\u{00eb}" . '"}', $events[0]->data);
        self::assertSame('message', $events[1]->event);
        self::assertSame("line one\nline two", $events[1]->data);
        self::assertSame('7', $events[1]->id);
        self::assertSame(1500, $events[1]->retry);
    }

    public function testCarriageReturnsAloneEndLines(): void
    {
        $parser = new SseParser();
        $events = $parser->push("data: a\r\r");
        self::assertCount(1, $events);
        self::assertSame('a', $events[0]->data);
        self::assertSame([], $parser->push("\ndata: b"));
        self::assertSame('b', $parser->push("\n\n")[0]->data);
    }
}
