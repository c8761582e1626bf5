<?php

declare(strict_types=1);

namespace Embott\Tests\Support;

/** Starts a server script (PHP or node) as a child process and reads its URL from the first stdout line. */
final class ScriptServer
{
    /** @var resource */
    private $process;
    /** @var array<int, resource> */
    private array $pipes;
    public readonly string $url;

    /** @param list<string> $command */
    public function __construct(array $command, ?string $cwd = null)
    {
        $process = proc_open($command, [0 => ['pipe', 'r'], 1 => ['pipe', 'w'], 2 => STDERR], $pipes, $cwd);
        if (!is_resource($process)) {
            throw new \RuntimeException('cannot start ' . implode(' ', $command));
        }
        $this->process = $process;
        $this->pipes = $pipes;
        $line = fgets($pipes[1]);
        if ($line === false || !str_starts_with($line, 'http')) {
            throw new \RuntimeException('server printed no URL: ' . var_export($line, true));
        }
        $this->url = trim($line);
    }

    public static function scripted(): self
    {
        return new self([PHP_BINARY, __DIR__ . '/script-server.php']);
    }

    public function stop(): void
    {
        if (is_resource($this->pipes[0])) {
            fclose($this->pipes[0]);
        }
        proc_terminate($this->process);
        proc_close($this->process);
    }
}
