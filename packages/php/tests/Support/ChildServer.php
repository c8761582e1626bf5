<?php

declare(strict_types=1);

namespace Embott\Tests\Support;

/** A server run as a child process that prints its URL on its first stdout line; stopped with this process. */
final class ChildServer
{
    /** @var resource */
    private $process;
    /** @var array<int, resource> */
    private array $pipes;
    public readonly string $url;

    /** @param list<string> $command */
    public function __construct(array $command, ?string $cwd = null)
    {
        $io = [0 => ['pipe', 'r'], 1 => ['pipe', 'w'], 2 => ['file', '/dev/null', 'a']];
        $process = proc_open($command, $io, $pipes, $cwd);
        if (!is_resource($process)) {
            throw new \RuntimeException('cannot start ' . implode(' ', $command));
        }
        $this->process = $process;
        $this->pipes = $pipes;
        $line = fgets($pipes[1]);
        if ($line === false || !str_starts_with($line, 'http')) {
            throw new \RuntimeException(implode(' ', $command) . ' printed no URL: ' . var_export($line, true));
        }
        $this->url = trim($line);
        register_shutdown_function([$this, 'stop']);
    }

    public function stop(): void
    {
        if (is_resource($this->pipes[0])) {
            fclose($this->pipes[0]);
        }
        if (is_resource($this->process)) {
            proc_terminate($this->process);
            proc_close($this->process);
        }
    }
}
