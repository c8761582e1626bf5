<?php
use Embott\Client;

$client = new Client(getenv('EMBOTT_API_KEY'));

$reply = $client->conversations->sendMessage([
    'conversation_id' => 'conv_abc123',
    'role'            => 'user',
    'content'         => 'Do you ship internationally?',
]);

echo $reply->message->content;
