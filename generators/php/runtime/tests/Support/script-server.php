<?php

/**
 * A scripted HTTP/1.1 server for the runtime's tests: binds 127.0.0.1 on port 0, prints its URL, keeps
 * connections alive, and answers by path (see respond()). Stops when its stdin closes.
 */

declare(strict_types=1);

$server = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr);
if ($server === false) {
    fwrite(STDERR, "cannot listen: $errstr\n");
    exit(1);
}
echo 'http://' . stream_socket_get_name($server, false) . "\n";
stream_set_blocking(STDIN, false);

$clients = [];
$buffers = [];
$counters = [];
$log = [];

while (true) {
    $read = array_merge([$server, STDIN], $clients);
    $write = null;
    $except = null;
    if (stream_select($read, $write, $except, 1) === false) {
        break;
    }
    foreach ($read as $socket) {
        if ($socket === STDIN) {
            if (fread(STDIN, 1024) === '' && feof(STDIN)) {
                exit(0);
            }
            continue;
        }
        if ($socket === $server) {
            $client = @stream_socket_accept($server, 0);
            if ($client !== false) {
                $clients[(int) $client] = $client;
                $GLOBALS['accepted'] = ($GLOBALS['accepted'] ?? 0) + 1;
                $buffers[(int) $client] = '';
            }
            continue;
        }
        $id = (int) $socket;
        $data = fread($socket, 65536);
        if ($data === '' || $data === false) {
            fclose($socket);
            unset($clients[$id], $buffers[$id]);
            continue;
        }
        $buffers[$id] .= $data;
        while (($request = take($buffers[$id])) !== null) {
            $log[] = array_intersect_key($request, array_flip(['method', 'path', 'headers', 'body']));
            $keep = respond($socket, $request, $counters, $log);
            if (!$keep) {
                fclose($socket);
                unset($clients[$id], $buffers[$id]);
                break;
            }
        }
    }
}

/** @return array{method: string, path: string, query: array<string, mixed>, headers: array<string, string>, body: string}|null */
function take(string &$buffer): ?array
{
    $end = strpos($buffer, "\r\n\r\n");
    if ($end === false) {
        return null;
    }
    $lines = explode("\r\n", substr($buffer, 0, $end));
    [$method, $target] = explode(' ', array_shift($lines));
    $headers = [];
    foreach ($lines as $line) {
        [$name, $value] = explode(':', $line, 2);
        $headers[strtolower(trim($name))] = trim($value);
    }
    $length = (int) ($headers['content-length'] ?? 0);
    if (strlen($buffer) < $end + 4 + $length) {
        return null;
    }
    $body = substr($buffer, $end + 4, $length);
    $buffer = substr($buffer, $end + 4 + $length);
    $path = parse_url($target, PHP_URL_PATH);
    parse_str((string) parse_url($target, PHP_URL_QUERY), $query);
    return compact('method', 'path', 'target', 'query', 'headers', 'body');
}

/** @param array<string, string> $headers */
function send($socket, int $status, array $headers, string $body): void
{
    $head = "HTTP/1.1 $status X\r\nContent-Length: " . strlen($body) . "\r\n";
    foreach ($headers as $name => $value) {
        $head .= "$name: $value\r\n";
    }
    fwrite($socket, $head . "\r\n" . $body);
}

function json($socket, int $status, mixed $data, array $headers = []): bool
{
    $headers = ['Content-Type' => 'application/json', 'X-Request-Id' => 'req_test'] + $headers;
    send($socket, $status, $headers, json_encode($data));
    return true;
}

function respond($socket, array $r, array &$counters, array &$log): bool
{
    $parts = explode('/', trim($r['path'], '/'));
    $q = $r['query'];
    switch ($parts[0]) {
        case 'echo':
            $echo = array_intersect_key($r, array_flip(['method', 'target', 'query', 'headers', 'body']));
            return json($socket, 200, $echo);
        case 'log':
            $entries = $log;
            $log = [];
            array_pop($entries); // this request
            return json($socket, 200, ['data' => $entries]);
        case 'status':
            // /status/{code}?retry_after=&retry_after_ms=&should_retry=&echo_auth=1
            $headers = [];
            $names = ['retry_after' => 'Retry-After', 'retry_after_ms' => 'retry-after-ms'];
            $names['should_retry'] = 'x-should-retry';
            foreach ($names as $param => $header) {
                if (isset($q[$param])) {
                    $headers[$header] = $q[$param];
                }
            }
            $auth = $r['headers']['authorization'] ?? '';
            if (isset($q['echo_auth'])) {
                $headers['X-Echo'] = $auth;
            }
            $message = isset($q['echo_auth']) ? "Key $auth is not valid" : 'failed';
            $error = ['type' => 'api_error', 'code' => 'test', 'message' => $message, 'param' => $q['param'] ?? null];
            return json($socket, (int) $parts[1], ['error' => $error + ['request_id' => 'req_test']], $headers);
        case 'flaky':
            // /flaky/{id}/{failures}/{status|drop}: fails that many times, then answers the attempts seen
            $key = $parts[1];
            $counters[$key] = ($counters[$key] ?? 0) + 1;
            if ($counters[$key] <= (int) $parts[2]) {
                if ($parts[3] === 'drop') {
                    return false;
                }
                $headers = isset($q['retry_after']) ? ['Retry-After' => $q['retry_after']] : [];
                $error = ['type' => 'api_error', 'message' => 'try again'];
                return json($socket, (int) $parts[3], ['error' => $error], $headers);
            }
            return json($socket, 200, [
                'attempts' => $counters[$key],
                'idempotency_key' => $r['headers']['idempotency-key'] ?? null,
                'retry_count' => $r['headers']['x-embott-retry-count'] ?? null,
            ]);
        case 'slow':
            usleep((int) $parts[1] * 1000);
            return json($socket, 200, ['slow' => true]);
        case 'drop':
            return false;
        case 'stats':
            return json($socket, 200, ['connections' => $GLOBALS['accepted'] ?? 0]);
        case 'text':
            send($socket, 200, ['Content-Type' => 'text/plain'], 'not json');
            return true;
        case 'pages':
            return pages($socket, $parts[1], $q, $r);
        case 'sse':
            return sse($socket, $parts[1]);
    }
    return json($socket, 404, ['error' => ['type' => 'not_found_error', 'message' => 'no route']]);
}

function pages($socket, string $style, array $q, array $r): bool
{
    $total = (int) ($q['total'] ?? 25);
    $limit = (int) ($q['limit'] ?? 10);
    $item = static fn (int $i): array => ['id' => "item_$i", 'n' => $i, 'filter' => $q['status'] ?? null];
    switch ($style) {
        case 'cursor':
            $start = isset($q['cursor']) ? (int) substr($q['cursor'], 2) : 0;
            $items = array_map($item, range($start, min($start + $limit, $total) - 1));
            $more = $start + $limit < $total;
            $next = $more ? 'c_' . ($start + $limit) : null;
            return json($socket, 200, ['data' => $items, 'has_more' => $more, 'next_cursor' => $next]);
        case 'stripe':
            $start = isset($q['starting_after']) ? (int) substr($q['starting_after'], 5) + 1 : 0;
            $items = array_map($item, range($start, min($start + $limit, $total) - 1));
            return json($socket, 200, ['data' => $items, 'has_more' => $start + $limit < $total]);
        case 'cycle':
            $cursor = $q['cursor'] ?? 'start';
            $next = ['start' => 'A', 'A' => 'B', 'B' => 'A'][$cursor];
            return json($socket, 200, ['data' => [$item(0)], 'has_more' => true, 'next_cursor' => $next]);
        case 'offset':
            $offset = (int) ($q['offset'] ?? 0);
            $items = $offset < $total ? array_map($item, range($offset, min($offset + $limit, $total) - 1)) : [];
            return json($socket, 200, ['results' => ['items' => $items], 'total' => $total]);
        case 'page':
            $page = (int) ($q['page'] ?? 1);
            $start = ($page - 1) * $limit;
            $items = $start < $total ? array_map($item, range($start, min($start + $limit, $total) - 1)) : [];
            return json($socket, 200, ['data' => $items, 'total_pages' => (int) ceil($total / $limit)]);
        case 'link':
            $start = (int) ($q['start'] ?? 0);
            $items = array_map($item, range($start, min($start + $limit, $total) - 1));
            $next = '/pages/link?start=' . ($start + $limit) . "&limit=$limit&total=$total";
            $headers = $start + $limit < $total ? ['Link' => "<$next>; rel=\"next\""] : [];
            return json($socket, 200, $items, $headers);
        case 'foreign':
            return json($socket, 200, [['id' => 'x']], ['Link' => '<https://evil.example/steal>; rel="next"']);
    }
    return json($socket, 404, []);
}

function sse($socket, string $scenario): bool
{
    fwrite($socket, "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nX-Request-Id: req_sse\r\n"
        . "Transfer-Encoding: chunked\r\n\r\n");
    $chunk = static function (string $text) use ($socket): bool {
        return @fwrite($socket, dechex(strlen($text)) . "\r\n" . $text . "\r\n") !== false;
    };
    $event = static fn (string $type, array $data): string
        => "event: $type\ndata: " . json_encode(['type' => $type] + $data) . "\n\n";
    $chunk($event('message.started', ['id' => 'msg_1']));
    switch ($scenario) {
        case 'ok':
            foreach (['Hello', ' there', '!'] as $word) {
                usleep(100000);
                $chunk($event('message.delta', ['delta' => $word]));
            }
            $chunk(": a comment\r\n\r\n" . $event('message.completed', ['message' => ['content' => 'Hello there!']]));
            @fwrite($socket, "0\r\n\r\n");
            return true;
        case 'split':
            $text = $event('message.delta', ['delta' => 'Zoë'])
                . $event('message.completed', ['message' => ['content' => 'Zoë']]);
            foreach (str_split($text, 3) as $piece) {
                $chunk($piece);
            }
            @fwrite($socket, "0\r\n\r\n");
            return true;
        case 'long':
            for ($i = 0; $i < 200; $i++) {
                if (!$chunk($event('message.delta', ['delta' => "w$i "]))) {
                    return false; // the client left
                }
                usleep(20000);
            }
            $chunk($event('message.completed', ['message' => ['content' => 'long']]));
            @fwrite($socket, "0\r\n\r\n");
            return true;
        case 'truncated':
            $chunk($event('message.delta', ['delta' => 'Hel']));
            @fwrite($socket, "0\r\n\r\n");
            return true;
        case 'reset':
            $chunk($event('message.delta', ['delta' => 'Hel']));
            fwrite($socket, "40\r\npartial");
            return false;
        case 'stall':
            usleep(1200000);
            @fwrite($socket, "0\r\n\r\n");
            return false;
        case 'error':
            $error = ['type' => 'error', 'error' => ['type' => 'api_error', 'message' => 'model overloaded']];
            $chunk("event: error\ndata: " . json_encode($error) . "\n\n");
            @fwrite($socket, "0\r\n\r\n");
            return true;
    }
    return false;
}
