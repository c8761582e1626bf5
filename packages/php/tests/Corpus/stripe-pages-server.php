<?php

/**
 * A Stripe-style list endpoint for the corpus test: GET /stripe_like?limit=&starting_after= over 7 items
 * (ids "obj_0".."obj_6"), answering `{"object": "list", "data": [...], "has_more": bool}` and nothing that names
 * the next cursor. Binds 127.0.0.1 on port 0, prints its URL, logs each request target to stderr, stops with stdin.
 */

declare(strict_types=1);

$server = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr);
if ($server === false) {
    fwrite(STDERR, "cannot listen: $errstr\n");
    exit(1);
}
echo 'http://' . stream_socket_get_name($server, false) . "\n";
stream_set_blocking(STDIN, false);
$total = 7;
while (true) {
    $read = [$server, STDIN];
    $none = null;
    if (stream_select($read, $none, $none, 1) === false) {
        break;
    }
    if (in_array(STDIN, $read, true) && fread(STDIN, 1024) === '' && feof(STDIN)) {
        break;
    }
    if (!in_array($server, $read, true)) {
        continue;
    }
    $client = stream_socket_accept($server, 5);
    if ($client === false) {
        continue;
    }
    $head = '';
    while (!str_contains($head, "\r\n\r\n") && ($line = fgets($client)) !== false) {
        $head .= $line;
    }
    $target = explode(' ', $head)[1] ?? '/';
    parse_str((string) parse_url($target, PHP_URL_QUERY), $query);
    $limit = (int) ($query['limit'] ?? 10);
    $after = $query['starting_after'] ?? null;
    $start = is_string($after) ? (int) substr($after, 4) + 1 : 0;
    $ids = range($start, min($start + $limit, $total) - 1);
    $item = static fn (int $i): array => ['id' => "obj_$i", 'object' => 'thing'];
    $data = $start < $total ? array_map($item, $ids) : [];
    $body = json_encode(['object' => 'list', 'data' => $data, 'has_more' => $start + $limit < $total]);
    $fields = ['HTTP/1.1 200 OK', 'Content-Type: application/json', 'Content-Length: ' . strlen($body)];
    fwrite($client, implode("\r\n", [...$fields, 'X-Target: ' . $target, 'Connection: close']) . "\r\n\r\n$body");
    fclose($client);
}
