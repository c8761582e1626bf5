<?php

declare(strict_types=1);

namespace Embott\Tests\Integration;

use Embott\Exception\ConflictException;
use Embott\Model\Conversation;
use Embott\Model\ConversationDetail;
use Embott\Model\Handoff;
use Embott\Model\MessageCompletedStreamEvent;
use Embott\Model\MessageDeltaStreamEvent;
use Embott\Model\MessageStartedStreamEvent;
use Embott\Model\SendMessageResponse;
use Embott\Tests\Support\MockTestCase;

final class ConversationsTest extends MockTestCase
{
    private const CONVERSATION = 'conv_convseed0001';

    public function testListFiltersByBotAndGetsTheTranscript(): void
    {
        $client = $this->client();
        $all = iterator_to_array($client->conversations->list(['limit' => 2]), false);
        self::assertContainsOnlyInstancesOf(Conversation::class, $all);
        $botId = $all[0]->botId;
        $filtered = iterator_to_array($client->conversations->list(['bot_id' => $botId, 'limit' => 1]), false);
        self::assertNotEmpty($filtered);
        foreach ($filtered as $conversation) {
            self::assertSame($botId, $conversation->botId, 'the filter was sent and kept across pages');
        }
        $detail = $client->conversations->get(['conversation_id' => self::CONVERSATION]);
        self::assertInstanceOf(ConversationDetail::class, $detail);
        self::assertNotEmpty($detail->messages);
    }

    public function testSendMessageReturnsTheReply(): void
    {
        $reply = $this->client()->conversations->sendMessage([
            'conversation_id' => self::CONVERSATION,
            'role' => 'user',
            'content' => 'Do you ship internationally?',
        ]);
        self::assertInstanceOf(SendMessageResponse::class, $reply);
        self::assertSame('Do you ship internationally?', $reply->input->content);
        self::assertNotSame('', $reply->message->content);
        self::assertSame('assistant', $reply->message->role);
    }

    public function testStreamMessageYieldsTypedEventsAndTheFinalMessage(): void
    {
        $stream = $this->client()->conversations->streamMessage([
            'conversation_id' => self::CONVERSATION,
            'role' => 'user',
            'content' => 'What is your return policy?',
        ]);
        $events = iterator_to_array($stream, false);
        self::assertInstanceOf(MessageStartedStreamEvent::class, $events[0]);
        $deltas = array_filter($events, static fn (object $event): bool => $event instanceof MessageDeltaStreamEvent);
        self::assertNotEmpty($deltas);
        $final = end($events);
        self::assertInstanceOf(MessageCompletedStreamEvent::class, $final);
        $text = implode('', array_map(static fn (MessageDeltaStreamEvent $event): string => $event->delta, $deltas));
        self::assertSame(trim($final->message->content), trim($text));
    }

    public function testBreakingOutOfAStreamLeavesTheClientUsable(): void
    {
        $client = $this->client();
        $params = ['conversation_id' => self::CONVERSATION, 'role' => 'user', 'content' => 'Hello there'];
        foreach ($client->conversations->streamMessage($params) as $event) {
            self::assertInstanceOf(MessageStartedStreamEvent::class, $event);
            break;
        }
        self::assertNotEmpty($client->bots->list()->data);
    }

    public function testHandoffThenAClosedConversationConflicts(): void
    {
        $client = $this->client();
        $handoff = $client->conversations->handoff([
            'conversation_id' => self::CONVERSATION,
            'reason' => 'Wants a human',
            'priority' => 'high',
        ]);
        self::assertInstanceOf(Handoff::class, $handoff);
        self::assertSame('high', $handoff->priority);
        self::$mock->control('POST', '/conversations/' . self::CONVERSATION . '/close', []);
        $this->expectException(ConflictException::class);
        $message = ['conversation_id' => self::CONVERSATION, 'role' => 'user', 'content' => 'Still there?'];
        $client->conversations->sendMessage($message);
    }
}
