<?php

declare(strict_types=1);

require __DIR__ . '/vendor/autoload.php';

use Embott\Client;

// Every bot, page by page behind a plain foreach (each next page is fetched only when needed).
$client = new Client(getenv('EMBOTT_API_KEY'));
$count = 0;
foreach ($client->bots->list(['limit' => 2]) as $bot) {
    $count++;
    echo "{$bot->id}  {$bot->name} ({$bot->status})\n";
}

// Or one page at a time.
$page = $client->conversations->list(['limit' => 2, 'status' => 'open']);
echo "\n$count bots; first page of open conversations: " . count($page->data)
    . ($page->hasNextPage() ? ', more to come' : ', the only page') . "\n";
