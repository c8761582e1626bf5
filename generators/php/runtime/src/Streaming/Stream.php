<?php

declare(strict_types=1);

namespace Embott\Streaming;

use Embott\Core\ErrorFactory;
use Embott\Exception\SdkException;
use Embott\Exception\StreamTruncatedException;
use Embott\Http\StreamedResponse;

/**
 * A typed SSE stream: `foreach ($stream as $event)` yields each event as it arrives. Leaving the loop early
 * (break, return, an exception) closes the connection. A stream that goes silent for longer than the timeout is
 * a TimeoutException; one that ends before its final event is a StreamTruncatedException. It can be read once.
 *
 * @template TEvent
 * @implements \IteratorAggregate<int, TEvent>
 */
final class Stream implements \IteratorAggregate
{
    public readonly ?string $requestId;
    private bool $consumed = false;

    /** @param \Closure(array<mixed>): TEvent $event */
    public function __construct(
        private readonly StreamedResponse $response,
        private readonly StreamSpec $spec,
        private readonly \Closure $event,
        private readonly ErrorFactory $errors,
    ) {
        $this->requestId = $errors->requestId($response->headers());
    }

    /** @return \Generator<int, TEvent> */
    public function getIterator(): \Generator
    {
        if ($this->consumed) {
            throw new SdkException('This stream has already been read; a stream can be iterated once.');
        }
        $this->consumed = true;
        $parser = new SseParser();
        $finished = false;
        try {
            foreach ($this->response->chunks() as $chunk) {
                foreach ($parser->push($chunk) as $sse) {
                    $event = $this->parse($sse);
                    if ($event === null) {
                        continue;
                    }
                    $isFinal = $this->spec->final !== null && $this->kind($event) === $this->spec->final;
                    $finished = $finished || $isFinal;
                    yield $event;
                }
            }
            if ($this->spec->final !== null && !$finished) {
                throw new StreamTruncatedException(sprintf(
                    'The stream ended without its final "%s" event: the connection closed early, '
                        . 'so the result is incomplete%s.',
                    $this->spec->final,
                    $this->requestId !== null ? " (request {$this->requestId})" : '',
                ));
            }
        } finally {
            $this->response->close();
        }
    }

    /** Reads the whole stream and returns its final event (the stream's `final` kind). */
    public function finalEvent(): mixed
    {
        if ($this->spec->final === null) {
            throw new SdkException('This stream has no final event kind; iterate it instead.');
        }
        $last = null;
        foreach ($this as $event) {
            if ($this->kind($event) === $this->spec->final) {
                $last = $event;
            }
        }
        return $last;
    }

    /** Stops the transfer without reading the rest. */
    public function close(): void
    {
        $this->response->close();
    }

    private function parse(ServerSentEvent $sse): mixed
    {
        if ($sse->data === '[DONE]') {
            return null;
        }
        if ($this->spec->parse === 'text') {
            if ($sse->event === $this->spec->errorEvent) {
                $decoded = json_decode($sse->data, true);
                $payload = is_array($decoded) ? $decoded : ['type' => 'error', 'message' => $sse->data];
                throw $this->errors->fromStreamEvent($payload, $this->response->headers());
            }
            return $sse->data;
        }
        try {
            $payload = json_decode($sse->data, true, 512, JSON_THROW_ON_ERROR);
        } catch (\JsonException $error) {
            throw new SdkException(
                "Could not decode the data of a \"{$sse->event}\" stream event as JSON: {$error->getMessage()}.",
            );
        }
        $discriminator = $this->spec->discriminator;
        $isObject = is_array($payload) && !array_is_list($payload);
        if ($isObject && !isset($payload[$discriminator]) && $sse->event !== 'message') {
            $payload[$discriminator] = $sse->event; // the SSE event name is the kind when the payload omits it
        }
        $kind = is_array($payload) ? ($payload[$discriminator] ?? null) : null;
        if ($sse->event === $this->spec->errorEvent || $kind === $this->spec->errorEvent) {
            throw $this->errors->fromStreamEvent($payload, $this->response->headers());
        }
        return is_array($payload) ? ($this->event)($payload) : $payload;
    }

    private function kind(mixed $event): mixed
    {
        $discriminator = $this->spec->discriminator;
        if (is_object($event)) {
            return method_exists($event, 'get') ? $event->get($discriminator) : ($event->{$discriminator} ?? null);
        }
        return is_array($event) ? ($event[$discriminator] ?? null) : null;
    }
}
