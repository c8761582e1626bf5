<?php

declare(strict_types=1);

namespace Embott\Streaming;

/**
 * Incremental SSE parser over bytes: push chunks of any size (a "\r\n" or a UTF-8 character may be split
 * across chunks) and get the events completed so far. Comments are skipped; an event without data is not
 * dispatched; an unterminated last event is discarded, as the spec says.
 */
final class SseParser
{
    private string $buffer = '';
    private bool $pendingCarriageReturn = false;
    private bool $started = false;
    private string $event = '';
    /** @var list<string> */
    private array $data = [];
    private string $lastId = '';
    private ?int $retry = null;

    /** @return list<ServerSentEvent> */
    public function push(string $chunk): array
    {
        if (!$this->started && $chunk !== '') {
            $this->started = true;
            if (str_starts_with($chunk, "\u{FEFF}")) {
                $chunk = substr($chunk, 3);
            }
        }
        if ($this->pendingCarriageReturn && str_starts_with($chunk, "\n")) {
            $chunk = substr($chunk, 1);
        }
        $this->pendingCarriageReturn = false;
        $this->buffer .= $chunk;
        $events = [];
        $start = 0;
        $length = strlen($this->buffer);
        while ($start < $length) {
            $end = strcspn($this->buffer, "\r\n", $start) + $start;
            if ($end >= $length) {
                break;
            }
            $event = $this->line(substr($this->buffer, $start, $end - $start));
            if ($event !== null) {
                $events[] = $event;
            }
            if ($this->buffer[$end] === "\r") {
                if ($end + 1 === $length) {
                    $this->pendingCarriageReturn = true;
                } elseif ($this->buffer[$end + 1] === "\n") {
                    $end++;
                }
            }
            $start = $end + 1;
        }
        $this->buffer = (string) substr($this->buffer, $start);
        return $events;
    }

    private function line(string $line): ?ServerSentEvent
    {
        if ($line === '') {
            return $this->dispatch();
        }
        if ($line[0] === ':') {
            return null;
        }
        $colon = strpos($line, ':');
        $field = $colon === false ? $line : substr($line, 0, $colon);
        $value = $colon === false ? '' : substr($line, $colon + 1);
        if (str_starts_with($value, ' ')) {
            $value = substr($value, 1);
        }
        match ($field) {
            'event' => $this->event = $value,
            'data' => $this->data[] = $value,
            'id' => str_contains($value, "\0") ? null : $this->lastId = $value,
            'retry' => preg_match('/^\d+$/', $value) === 1 ? $this->retry = (int) $value : null,
            default => null,
        };
        return null;
    }

    private function dispatch(): ?ServerSentEvent
    {
        $event = $this->data === [] ? null : new ServerSentEvent(
            $this->event === '' ? 'message' : $this->event,
            implode("\n", $this->data),
            $this->lastId,
            $this->retry,
        );
        $this->event = '';
        $this->data = [];
        $this->retry = null;
        return $event;
    }
}
