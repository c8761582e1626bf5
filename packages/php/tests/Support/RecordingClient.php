<?php

declare(strict_types=1);

namespace Embott\Tests\Support;

use Embott\Client;

/** The generated client with its retry waits recorded and shortened, so fault tests run fast. */
final class RecordingClient extends Client
{
    /** @var list<float> */
    public array $sleeps = [];

    protected function sleep(float $seconds): void
    {
        $this->sleeps[] = $seconds;
        usleep((int) min($seconds * 1000, 20) * 1000);
    }
}
