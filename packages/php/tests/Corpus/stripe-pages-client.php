<?php

/**
 * Runs the SDK emitted for testdata/repro/pagination.yaml (namespace Repro; argv[1] is its folder) against
 * stripe-pages-server.php: walks `listStripeLike(['limit' => 3])` and prints, as JSON, every item id and the
 * query each page was requested with. A process of its own, so the Repro runtime never meets the Embott one.
 */

declare(strict_types=1);

use Embott\Tests\Support\ChildServer;
use Repro\Client;

require dirname(__DIR__) . '/Support/ChildServer.php';
spl_autoload_register(static function (string $class) use ($argv): void {
    if (str_starts_with($class, 'Repro\\')) {
        require $argv[1] . '/src/' . str_replace('\\', '/', substr($class, 6)) . '.php';
    }
});

$server = new ChildServer([PHP_BINARY, __DIR__ . '/stripe-pages-server.php']);
$client = new Client(['base_url' => $server->url, 'max_retries' => 0]);
$target = static fn (): string => (string) ($client->getLastResponse()?->headers['x-target'] ?? '');
$page = $client->things->listStripeLike(['limit' => 3]);
$targets = [$target()];
for ($current = $page; $current->hasNextPage();) {
    $current = $current->getNextPage();
    $targets[] = $target();
}
$ids = [];
foreach ($page as $item) {
    $ids[] = $item->id;
}
echo json_encode(['ids' => $ids, 'targets' => $targets]), "\n";
$server->stop();
