<?php

declare(strict_types=1);

namespace Embott\Http;

/** A response whose body is read chunk by chunk; close() stops the transfer. */
interface StreamedResponse
{
    public function status(): int;

    /** @return array<string, string> lower-case names */
    public function headers(): array;

    /**
     * The body's chunks as they arrive. Ends normally only when the body is complete.
     *
     * @return \Generator<int, string>
     * @throws \Embott\Exception\TimeoutException when no byte arrives within the request's timeout
     * @throws \Embott\Exception\StreamTruncatedException when the connection ends before the body does
     */
    public function chunks(): \Generator;

    public function close(): void;
}
