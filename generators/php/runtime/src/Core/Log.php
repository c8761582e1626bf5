<?php

declare(strict_types=1);

namespace Embott\Core;

/** Writes to the user's PSR-3-shaped logger (if any), secrets scrubbed from every message and context value. */
final class Log
{
    /** Whether anything is logged at all (callers skip building messages when not). */
    public readonly bool $enabled;

    public function __construct(private readonly ?object $logger, private readonly Redactor $redactor)
    {
        $this->enabled = $logger !== null;
    }

    /** @param array<string, mixed> $context */
    public function debug(string $message, array $context = []): void
    {
        $this->write('debug', $message, $context);
    }

    /** @param array<string, mixed> $context */
    public function info(string $message, array $context = []): void
    {
        $this->write('info', $message, $context);
    }

    /** @param array<string, mixed> $context */
    private function write(string $level, string $message, array $context): void
    {
        if ($this->logger === null) {
            return;
        }
        if (isset($context['headers']) && is_array($context['headers'])) {
            $context['headers'] = $this->redactor->headers($context['headers']);
        }
        $this->logger->{$level}($this->redactor->text($message), $this->redactor->value($context));
    }
}
