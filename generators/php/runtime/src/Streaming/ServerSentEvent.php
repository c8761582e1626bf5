<?php

declare(strict_types=1);

namespace Embott\Streaming;

/** One dispatched Server-Sent Event (WHATWG HTML §9.2). */
final class ServerSentEvent
{
    public function __construct(
        /** The `event:` field, "message" when absent. */
        public readonly string $event,
        /** `data:` lines joined with "\n". */
        public readonly string $data,
        /** The last event id seen on the stream (it persists across events). */
        public readonly string $id,
        /** The `retry:` reconnection time in ms, when this event carried one. */
        public readonly ?int $retry,
    ) {
    }
}
