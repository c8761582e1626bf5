<?php

declare(strict_types=1);

namespace Embott\Tests\Support;

/** Runs webhook-receiver.php and hands over each delivery it records. */
final class WebhookReceiver
{
    /** @var resource */
    private $process;
    /** @var array<int, resource> */
    private array $pipes;
    public readonly string $url;

    public function __construct()
    {
        $io = [0 => ['pipe', 'r'], 1 => ['pipe', 'w'], 2 => STDERR];
        $process = proc_open([PHP_BINARY, __DIR__ . '/webhook-receiver.php'], $io, $pipes);
        if (!is_resource($process)) {
            throw new \RuntimeException('cannot start the webhook receiver');
        }
        $this->process = $process;
        $this->pipes = $pipes;
        $this->url = trim((string) fgets($pipes[1]));
    }

    /** @return array{headers: array<string, string>, body: string} the next delivery, waiting up to $seconds */
    public function next(float $seconds = 10.0): array
    {
        $read = [$this->pipes[1]];
        $none = null;
        if (stream_select($read, $none, $none, (int) $seconds, (int) (fmod($seconds, 1) * 1e6)) !== 1) {
            throw new \RuntimeException("no webhook delivery within $seconds s");
        }
        $delivery = json_decode((string) fgets($this->pipes[1]), true, 512, JSON_THROW_ON_ERROR);
        return ['headers' => $delivery['headers'], 'body' => (string) base64_decode($delivery['body'], true)];
    }

    public function stop(): void
    {
        fclose($this->pipes[0]);
        proc_terminate($this->process);
        proc_close($this->process);
    }
}
