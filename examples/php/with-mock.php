<?php

/**
 * Runs a command against a fresh mock server: starts `embott-mock --port 0`, sets EMBOTT_BASE_URL and
 * EMBOTT_API_KEY (the admin fixture key) for the command, and exits with its status.
 *
 * Usage: php examples/php/with-mock.php php examples/php/main.php
 */

declare(strict_types=1);

$root = dirname(__DIR__, 2);
$command = array_slice($argv, 1);
if ($command === []) {
    fwrite(STDERR, "usage: php with-mock.php <command> [args...]\n");
    exit(2);
}
$mock = proc_open(
    ['node', "$root/packages/mock/bin/embott-mock.mjs", '--port', '0'],
    [0 => ['pipe', 'r'], 1 => ['pipe', 'w'], 2 => STDERR],
    $pipes,
    $root,
);
if (!is_resource($mock)) {
    fwrite(STDERR, "could not start the mock (is node installed?)\n");
    exit(1);
}
$url = trim((string) fgets($pipes[1]));
if (!str_starts_with($url, 'http')) {
    fwrite(STDERR, "the mock did not print its URL\n");
    exit(1);
}
$env = getenv() + [];
$env['EMBOTT_BASE_URL'] = "$url/v1";
$env['EMBOTT_API_KEY'] = 'sk_live_admin_0001';
$child = proc_open($command, [0 => STDIN, 1 => STDOUT, 2 => STDERR], $childPipes, null, $env);
$status = is_resource($child) ? proc_close($child) : 1;
fclose($pipes[0]);
proc_close($mock);
exit($status);
