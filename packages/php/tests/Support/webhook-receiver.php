<?php

/**
 * A webhook endpoint for the tests: binds 127.0.0.1 on port 0, prints its URL, then prints one JSON line per
 * delivery ({"headers": {...}, "body": "<base64 of the raw body>"}) and answers 200. Stops when stdin closes.
 */

declare(strict_types=1);

$server = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr);
if ($server === false) {
    fwrite(STDERR, "cannot listen: $errstr\n");
    exit(1);
}
echo 'http://' . stream_socket_get_name($server, false) . "/hook\n";
stream_set_blocking(STDIN, false);
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
    $raw = '';
    while (!str_contains($raw, "\r\n\r\n") && !feof($client)) {
        $raw .= fread($client, 8192);
    }
    [$head, $body] = explode("\r\n\r\n", $raw, 2);
    $headers = [];
    foreach (array_slice(explode("\r\n", $head), 1) as $line) {
        [$name, $value] = explode(':', $line, 2);
        $headers[strtolower(trim($name))] = trim($value);
    }
    $length = (int) ($headers['content-length'] ?? 0);
    while (strlen($body) < $length && !feof($client)) {
        $body .= fread($client, $length - strlen($body));
    }
    echo json_encode(['headers' => $headers, 'body' => base64_encode($body)]) . "\n";
    fwrite($client, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok");
    fclose($client);
}
