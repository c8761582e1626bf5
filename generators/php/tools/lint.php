<?php

/**
 * `php -l` on every PHP file under the given directories (vendor/ skipped): each file is compiled without being
 * run, exactly as `php -l` does. Namespaced files (classes) are compiled by a few worker processes through
 * OPcache's compiler, one process for many files; scripts without a namespace, whose top-level functions would
 * collide in one process, get `php -l` each. Prints each error and exits 1 when there is any.
 *
 * Usage: php lint.php DIR...
 */

declare(strict_types=1);

const WORKERS = 2;

if (($argv[1] ?? '') === '--worker') {
    exit(compileFiles(array_filter(explode("\n", (string) stream_get_contents(STDIN)))));
}

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
$failed = false;
$namespaced = [];
foreach ($files as $path) {
    if (preg_match('/^namespace\s/m', (string) file_get_contents($path)) === 1) {
        $namespaced[] = $path;
        continue;
    }
    exec(escapeshellarg(PHP_BINARY) . ' -l ' . escapeshellarg($path) . ' 2>&1', $output, $status);
    if ($status !== 0) {
        $failed = true;
        echo implode("\n", $output), "\n";
    }
    $output = [];
}
$workers = [];
foreach (array_chunk($namespaced, max(1, (int) ceil(count($namespaced) / WORKERS))) as $chunk) {
    $command = [
        PHP_BINARY, '-d', 'opcache.enable_cli=1', '-d', 'opcache.max_accelerated_files=100000',
        '-d', 'opcache.memory_consumption=512', '-d', 'display_errors=stderr', __FILE__, '--worker',
    ];
    $process = proc_open($command, [0 => ['pipe', 'r'], 1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes);
    fwrite($pipes[0], implode("\n", $chunk));
    fclose($pipes[0]);
    $workers[] = [$process, $pipes];
}
foreach ($workers as [$process, $pipes]) {
    $output = trim(stream_get_contents($pipes[1]) . stream_get_contents($pipes[2]));
    $failed = proc_close($process) !== 0 || $failed;
    if ($output !== '') {
        echo $output, "\n";
    }
}
echo count($files) . ' files: ' . ($failed ? 'syntax or compile errors above' : 'no syntax errors') . "\n";
exit($failed ? 1 : 0);

/** @param list<string> $files */
function compileFiles(array $files): int
{
    if (!function_exists('opcache_compile_file')) {
        fwrite(STDERR, "lint.php needs OPcache (php -m should list Zend OPcache)\n");
        return 2;
    }
    $errors = 0;
    foreach ($files as $file) {
        try {
            if (!opcache_compile_file($file)) {
                $errors++;
                echo "Errors parsing $file\n";
            }
        } catch (ParseError $error) {
            $errors++;
            echo "PHP Parse error: {$error->getMessage()} in $file on line {$error->getLine()}\n";
        }
    }
    return $errors === 0 ? 0 : 1;
}
