<?php

/** `npm start` runs this against the mock: the seed snippet, then pagination, streaming, webhooks and errors. */

declare(strict_types=1);

if (!is_file(__DIR__ . '/vendor/autoload.php')) {
    passthru('composer install --no-progress --no-interaction --working-dir=' . escapeshellarg(__DIR__), $status);
    if ($status !== 0) {
        exit($status);
    }
}
foreach (['seed.php', 'pagination.php', 'streaming.php', 'webhooks.php', 'errors.php'] as $example) {
    echo "\n── examples/php/$example ──\n";
    $command = [PHP_BINARY, '-d', 'auto_prepend_file=' . __DIR__ . '/vendor/autoload.php', __DIR__ . "/$example"];
    $process = proc_open($command, [0 => STDIN, 1 => STDOUT, 2 => STDERR], $pipes);
    $status = is_resource($process) ? proc_close($process) : 1;
    if ($status !== 0) {
        fwrite(STDERR, "$example failed with status $status\n");
        exit($status);
    }
}
echo "\n";
