<?php

declare(strict_types=1);

namespace Embott\Http;

use Embott\Exception\ConnectionException;

/**
 * A transport that can hand over a response body as it arrives (for SSE). Streams through a transport that lacks
 * it still work, but their events arrive only when the whole response has.
 */
interface StreamingTransport extends Transport
{
    /**
     * Sends the request and returns once the status and headers have arrived.
     *
     * @throws ConnectionException
     */
    public function openStream(Request $request): StreamedResponse;
}
