<?php

/**
 * `php -l` on every PHP file under the given directories (vendor/ skipped): each file is compiled without being
 * run, exactly as `php -l` does, by a few worker processes (OPcache's compiler, so one process handles many
 * files instead of one process per file). Prints each error and exits 1 when there is any.
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
$workers = [];
foreach (array_chunk($files, max(1, (int) ceil(count($files) / WORKERS))) as $chunk) {
    $command = [
        PHP_BINARY, '-d', 'opcache.enable_cli=1', '-d', 'opcache.max_accelerated_files=100000',
        '-d', 'opcache.memory_consumption=512', '-d', 'display_errors=stderr', __FILE__, '--worker',
    ];
    $process = proc_open($command, [0 => ['pipe', 'r'], 1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes);
    fwrite($pipes[0], implode("\n", $chunk));
    fclose($pipes[0]);
    $workers[] = [$process, $pipes];
}
$failed = false;
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
