<?php

/**
 * `php -l` on every PHP file under the given directories (vendor/ skipped), four at a time; prints each syntax
 * error and exits 1 when there is any. Usage: php lint.php DIR...
 */

declare(strict_types=1);

$files = [];
foreach (array_slice($argv, 1) as $dir) {
    $iterator = new RecursiveIteratorIterator(new RecursiveDirectoryIterator($dir, FilesystemIterator::SKIP_DOTS));
    foreach ($iterator as $file) {
        $path = $file->getPathname();
        if (str_ends_with($path, '.php') && !str_contains($path, '/vendor/')) {
            $files[] = $path;
        }
    }
}
sort($files);
$failures = 0;
$running = [];
$next = 0;
while ($next < count($files) || $running !== []) {
    while (count($running) < 4 && $next < count($files)) {
        $path = $files[$next++];
        $process = proc_open([PHP_BINARY, '-n', '-l', $path], [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes);
        $running[] = [$process, $pipes, $path];
    }
    [$process, $pipes] = array_shift($running);
    $output = stream_get_contents($pipes[1]) . stream_get_contents($pipes[2]);
    if (proc_close($process) !== 0) {
        $failures++;
        echo trim($output), "\n";
    }
}
echo count($files) . ' files, ' . ($failures === 0 ? 'no syntax errors' : "$failures with syntax errors") . "\n";
exit($failures === 0 ? 0 : 1);
