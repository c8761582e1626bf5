<?php

/**
 * The benchmark's local API: binds 127.0.0.1 on port 0, prints its URL, keeps connections alive. GET /v1/bots/{id}
 * answers one bot; GET /v1/bots?limit=&cursor= pages through `total` bots. Stops when stdin closes.
 */

declare(strict_types=1);

const BOT = '{"id":"bot_%s","object":"bot","name":"Aurora %s","status":"active","persona":{"tone":"friendly",'
    . '"instructions":"Answer shipping questions.","language":"en"},"model":"embott-2-large",'
    . '"welcome_message":"Hi!","channels":["web"],"created_at":"2026-08-02T09:00:00Z",'
    . '"updated_at":"2026-10-11T12:00:00Z","metadata":{"team":"returns"}}';

$server = stream_socket_server('tcp://127.0.0.1:0');
if ($server === false) {
    exit(1);
}
echo 'http://' . stream_socket_get_name($server, false) . "\n";
stream_set_blocking(STDIN, false);
$clients = [];
$buffers = [];
while (true) {
    $read = array_merge([$server, STDIN], $clients);
    $none = null;
    if (stream_select($read, $none, $none, 1) === false) {
        break;
    }
    foreach ($read as $socket) {
        if ($socket === STDIN) {
            if (fread(STDIN, 1024) === '' && feof(STDIN)) {
                exit(0);
            }
        } elseif ($socket === $server) {
            $client = stream_socket_accept($server, 0);
            if ($client !== false) {
                $clients[(int) $client] = $client;
                $buffers[(int) $client] = '';
            }
        } else {
            $id = (int) $socket;
            $data = fread($socket, 65536);
            if ($data === '' || $data === false) {
                fclose($socket);
                unset($clients[$id], $buffers[$id]);
                continue;
            }
            $buffers[$id] .= $data;
            while (($end = strpos($buffers[$id], "\r\n\r\n")) !== false) {
                $target = explode(' ', substr($buffers[$id], 0, $end))[1] ?? '/';
                $buffers[$id] = substr($buffers[$id], $end + 4);
                $body = respond($target);
                fwrite($socket, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Request-Id: req_bench\r\n"
                    . 'Content-Length: ' . strlen($body) . "\r\n\r\n" . $body);
            }
        }
    }
}

function respond(string $target): string
{
    $path = (string) parse_url($target, PHP_URL_PATH);
    parse_str((string) parse_url($target, PHP_URL_QUERY), $query);
    if ($path !== '/v1/bots') {
        return sprintf(BOT, 'one', 'one');
    }
    $total = (int) ($query['total'] ?? 100000);
    $limit = (int) ($query['limit'] ?? 100);
    $start = (int) ($query['cursor'] ?? 0);
    $end = min($start + $limit, $total);
    $items = [];
    for ($i = $start; $i < $end; $i++) {
        $items[] = sprintf(BOT, $i, $i);
    }
    $more = $end < $total ? 'true' : 'false';
    $next = $end < $total ? "\"$end\"" : 'null';
    return '{"object":"list","data":[' . implode(',', $items) . "],\"has_more\":$more,\"next_cursor\":$next}";
}
