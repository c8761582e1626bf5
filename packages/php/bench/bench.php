<?php

/**
 * Benchmarks of the PHP SDK, each printed beside its floor in the same run:
 *  - requests/s through the SDK (`$client->bots->get()`) vs raw curl with the same handle reuse, on a minimal
 *    keep-alive server (the SDK's own cost laid bare) and on the real HTTP mock. Raw and SDK calls alternate one
 *    by one and the rate is 1 / median latency, so a busy machine slows both alike;
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
$requests = (int) ($options['requests'] ?? 2000);
$items = (int) ($options['items'] ?? 100000);

/**
 * Requests per second of raw curl and of the SDK, alternating, from the median latency of each.
 *
 * @return array{float, float}
 */
function compareRates(string $baseUrl, string $botId, string $key, int $requests): array
{
    $handle = curl_init();
    $client = new Client(['api_key' => $key, 'base_url' => $baseUrl]);
    $raw = static function () use ($handle, $baseUrl, $botId, $key): void {
        curl_reset($handle);
        curl_setopt_array($handle, [
            CURLOPT_URL => "$baseUrl/bots/$botId",
            CURLOPT_RETURNTRANSFER => true,
            CURLOPT_HTTPHEADER => ["Authorization: Bearer $key", 'Accept: application/json'],
        ]);
        json_decode((string) curl_exec($handle), true);
    };
    $sdk = static fn () => $client->bots->get(['bot_id' => $botId]);
    $times = ['raw' => [], 'sdk' => []];
    for ($i = 0; $i < $requests; $i++) {
        foreach (['raw' => $raw, 'sdk' => $sdk] as $name => $call) {
            $started = hrtime(true);
            $call();
            $times[$name][] = hrtime(true) - $started;
        }
    }
    $median = static function (array $values): float {
        sort($values);
        return $values[intdiv(count($values), 2)] / 1e9;
    };
    return [1 / $median($times['raw']), 1 / $median($times['sdk'])];
}

$io = [0 => ['pipe', 'r'], 1 => ['pipe', 'w'], 2 => STDERR];
$server = proc_open([PHP_BINARY, __DIR__ . '/server.php'], $io, $pipes);
$url = trim((string) fgets($pipes[1])) . '/v1';
$root = dirname(__DIR__, 3);
$mockCommand = ['node', "$root/packages/mock/bin/embott-mock.mjs", '--port', '0', '--rate-limit', '1000000'];
$mock = proc_open($mockCommand, [0 => ['pipe', 'r'], 1 => ['pipe', 'w'], 2 => ['file', '/dev/null', 'a']], $mockPipes);
$mockUrl = trim((string) fgets($mockPipes[1])) . '/v1';
printf("PHP %s, curl %s\n\n", PHP_VERSION, curl_version()['version']);

// 1. Requests per second.
printf("requests/s (GET one bot; raw and SDK alternate; 1 / median latency)\n");
compareRates($url, 'bot_one', 'sk_live_bench_0001', 200); // warm-up
[$raw, $sdk] = compareRates($url, 'bot_one', 'sk_live_bench_0001', $requests);
$line = "  %-20s %5d each: raw curl %7.0f /s   SDK %7.0f /s   %.2f× raw%s\n";
printf($line, 'minimal local server', $requests, $raw, $sdk, $sdk / $raw, ' (goal ≥ 0.90×)');
$mockRequests = intdiv($requests, 4);
[$raw, $sdk] = compareRates($mockUrl, 'bot_seed0001', 'sk_live_admin_0001', $mockRequests);
printf($line, 'the HTTP mock', $mockRequests, $raw, $sdk, $sdk / $raw, "\n");
fclose($mockPipes[0]);
proc_close($mock);

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
$client = new Client(['api_key' => 'sk_live_bench_0001', 'base_url' => $url]);
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
