<?php

declare(strict_types=1);

require __DIR__ . '/vendor/autoload.php';

use Embott\Client;
use Embott\Model\MessageCompletedStreamEvent;
use Embott\Model\MessageDeltaStreamEvent;

// The bot's reply word by word as it is written; the loop ends with the completed message.
$client = new Client(getenv('EMBOTT_API_KEY'));
$stream = $client->conversations->streamMessage([
    'conversation_id' => 'conv_abc123',
    'role' => 'user',
    'content' => 'What is your return policy?',
]);
foreach ($stream as $event) {
    if ($event instanceof MessageDeltaStreamEvent) {
        echo $event->delta;
    } elseif ($event instanceof MessageCompletedStreamEvent) {
        echo "\n(completed: {$event->message->id})\n";
    }
}
