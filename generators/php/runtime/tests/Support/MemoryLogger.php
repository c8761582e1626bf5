<?php

declare(strict_types=1);

namespace Embott\Tests\Support;

/** A PSR-3-shaped logger that keeps every line. */
final class MemoryLogger
{
    /** @var list<array{string, string, array<string, mixed>}> */
    public array $lines = [];

    /** @param array<string, mixed> $context */
    public function debug(string $message, array $context = []): void
    {
        $this->lines[] = ['debug', $message, $context];
    }

    /** @param array<string, mixed> $context */
    public function info(string $message, array $context = []): void
    {
        $this->lines[] = ['info', $message, $context];
    }

    public function dump(): string
    {
        return print_r($this->lines, true);
    }
}
