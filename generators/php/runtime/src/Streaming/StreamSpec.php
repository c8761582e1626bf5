<?php

declare(strict_types=1);

namespace Embott\Streaming;

/** The spec's `x-embott-streaming` fields a stream needs. */
final class StreamSpec
{
    public function __construct(
        /** Field naming each event's kind (also the SSE `event:` name). */
        public readonly string $discriminator = 'type',
        /** Kind of the event that ends the stream and carries the whole result; without it, a stream has no end marker. */
        public readonly ?string $final = null,
        /** Kind (or SSE `event:` name) of error events, thrown as ApiException. */
        public readonly string $errorEvent = 'error',
        /** "json": each `data` is decoded; "text": each `data` string is yielded as is. */
        public readonly string $parse = 'json',
    ) {
    }
}
