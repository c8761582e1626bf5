<?php

/**
 * Benchmarks of the PHP SDK, each printed beside its floor in the same run:
 *  - requests/s through the SDK (`$client->bots->get()`) vs raw curl with the same handle reuse, one local server;
 *  - webhook verifications/s at 1 KiB and 16 KiB vs a bare hash_hmac + hash_equals;
 *  - auto-paginating 100k items: peak memory growth (goal < 20 MB).
 *
 * Usage: php packages/php/bench/bench.php [--requests N] [--items N]
 */

declare(strict_types=1);

require dirname(__DIR__) . '/tests/bootstrap.php';

use Embott\Client;
use Embott\Webhook\Signature;
use Embott\Webhook\SignatureScheme;

$options = getopt('', ['requests:', 'items:']);
$requests = (int) ($options['requests'] ?? 3000);
$items = (int) ($options['items'] ?? 100000);

$io = [0 => ['pipe', 'r'], 1 => ['pipe', 'w'], 2 => STDERR];
$server = proc_open([PHP_BINARY, __DIR__ . '/server.php'], $io, $pipes);
$url = trim((string) fgets($pipes[1]));
printf("PHP %s, curl %s, server %s\n\n", PHP_VERSION, curl_version()['version'], $url);

// 1. Requests per second.
$raw = static function () use ($url, $requests): float {
    $handle = curl_init();
    $started = hrtime(true);
    for ($i = 0; $i < $requests; $i++) {
        curl_reset($handle);
        curl_setopt_array($handle, [
            CURLOPT_URL => "$url/v1/bots/bot_one",
            CURLOPT_RETURNTRANSFER => true,
            CURLOPT_HTTPHEADER => ['Authorization: Bearer sk_live_bench_0001', 'Accept: application/json'],
        ]);
        json_decode((string) curl_exec($handle), true);
    }
    return $requests / ((hrtime(true) - $started) / 1e9);
};
$sdk = static function () use ($url, $requests): float {
    $client = new Client(['api_key' => 'sk_live_bench_0001', 'base_url' => "$url/v1"]);
    $started = hrtime(true);
    for ($i = 0; $i < $requests; $i++) {
        $client->bots->get(['bot_id' => 'bot_one']);
    }
    return $requests / ((hrtime(true) - $started) / 1e9);
};
$rawRate = 0.0;
$sdkRate = 0.0;
for ($round = 0; $round < 5; $round++) { // alternated, best of 5: the machine's load hits both alike
    $rawRate = max($rawRate, $raw());
    $sdkRate = max($sdkRate, $sdk());
}
printf("requests/s (GET one bot, %d requests, alternated, best of 5)\n", $requests);
printf("  raw curl (json_decode)          %8.0f /s\n", $rawRate);
printf("  SDK (\$client->bots->get, Bot)   %8.0f /s   %.2f× raw (goal ≥ 0.90×)\n\n", $sdkRate, $sdkRate / $rawRate);

// 2. Webhook verifications per second.
echo "webhook verifications/s\n";
$signature = new Signature(new SignatureScheme());
$secret = 'whsec_bench_secret';
foreach ([1024, 16384] as $size) {
    $payload = '{"id":"evt_1","object":"event","type":"lead.captured","data":{"x":"'
        . str_repeat('a', max(0, $size - 70)) . '"}}';
    $now = time();
    $header = $signature->header($payload, $secret, $now);
    $rounds = $size === 1024 ? 100000 : 20000;
    $started = hrtime(true);
    for ($i = 0; $i < $rounds; $i++) {
        hash_equals(hash_hmac('sha256', "$now.$payload", $secret), substr($header, -64));
    }
    $floor = $rounds / ((hrtime(true) - $started) / 1e9);
    $started = hrtime(true);
    for ($i = 0; $i < $rounds; $i++) {
        $signature->verify($payload, $header, $secret, null, $now);
    }
    $rate = $rounds / ((hrtime(true) - $started) / 1e9);
    $line = "  %2d KiB  hash_hmac floor %9.0f /s   SDK verify %9.0f /s   (%.2f× floor)\n";
    printf($line, $size / 1024, $floor, $rate, $rate / $floor);
}

// 3. Memory while auto-paginating.
$client = new Client(['api_key' => 'sk_live_bench_0001', 'base_url' => "$url/v1"]);
gc_collect_cycles();
$before = memory_get_usage();
memory_reset_peak_usage();
$count = 0;
$started = hrtime(true);
foreach ($client->bots->list(['limit' => 100], ['query' => ['total' => $items]]) as $bot) {
    $count++;
}
$seconds = (hrtime(true) - $started) / 1e9;
$growth = (memory_get_peak_usage() - $before) / 1048576;
printf(
    "\nauto-pagination: %d bots in %d pages, %.1f s; peak memory growth %.1f MB (goal < 20 MB)\n",
    $count,
    (int) ceil($items / 100),
    $seconds,
    $growth,
);

fclose($pipes[0]);
proc_close($server);
