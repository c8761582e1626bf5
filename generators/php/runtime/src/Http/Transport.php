<?php

declare(strict_types=1);

namespace Embott\Http;

use Embott\Exception\ConnectionException;
use Embott\Exception\TimeoutException;

/**
 * Sends requests. `CurlTransport` is the default; pass your own as the `http_client` option (e.g. an adapter
 * around a PSR-18 client). Error statuses are responses, not exceptions: the client decides what to retry.
 */
interface Transport
{
    /**
     * @throws TimeoutException when `$request->timeout` seconds pass without a complete response
     * @throws ConnectionException when no response arrives (refused, reset, DNS, TLS)
     */
    public function send(Request $request): Response;
}
