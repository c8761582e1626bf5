<?php

// The README's seed snippet, run by the release dry run from a clean Composer install of the archive.
declare(strict_types=1);

require getenv('SEED_AUTOLOAD');

use Embott\Client;

$client = new Client(getenv('EMBOTT_API_KEY'));

$reply = $client->conversations->sendMessage([
    'conversation_id' => 'conv_abc123',
    'role'            => 'user',
    'content'         => 'Do you ship internationally?',
]);

echo $reply->message->content, "\n";
