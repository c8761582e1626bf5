<?php

declare(strict_types=1);

namespace Embott\Http;

use Embott\Exception\StreamTruncatedException;
use Embott\Exception\TimeoutException;

/** A response body read through curl_multi as it arrives; the request's timeout bounds every silence. */
final class CurlStream implements StreamedResponse
{
    private string $buffer = '';
    private bool $finished = false;
    private int $result = CURLE_OK;
    private bool $closed = false;
    private \CurlMultiHandle $multi;

    private function __construct(
        private readonly \CurlHandle $handle,
        private readonly HeaderCollector $headers,
        private readonly Request $request,
    ) {
        $this->multi = curl_multi_init();
    }

    /** Starts the transfer and waits for the status and headers. */
    public static function start(\CurlHandle $handle, HeaderCollector $headers, Request $request): self
    {
        $stream = new self($handle, $headers, $request);
        curl_setopt($handle, CURLOPT_WRITEFUNCTION, $stream->receive(...));
        curl_multi_add_handle($stream->multi, $handle);
        while (!$headers->complete && !$stream->finished) {
            $stream->pump();
        }
        if (!$headers->complete) {
            $stream->close();
            throw CurlFailure::from($stream->result, curl_strerror($stream->result) ?? 'no response', $request);
        }
        return $stream;
    }

    public function status(): int
    {
        return curl_getinfo($this->handle, CURLINFO_RESPONSE_CODE);
    }

    public function headers(): array
    {
        return $this->headers->headers;
    }

    public function chunks(): \Generator
    {
        while (true) {
            if ($this->buffer !== '') {
                $chunk = $this->buffer;
                $this->buffer = '';
                yield $chunk;
                continue;
            }
            if ($this->finished) {
                break;
            }
            $this->pump();
        }
        if ($this->result !== CURLE_OK) {
            $failure = CurlFailure::from($this->result, curl_strerror($this->result) ?? 'error', $this->request);
            throw new StreamTruncatedException(
                "The stream ended before it was complete: {$failure->getMessage()}",
                0,
                $failure,
            );
        }
    }

    public function close(): void
    {
        if (!$this->closed) {
            $this->closed = true;
            curl_multi_remove_handle($this->multi, $this->handle);
            curl_multi_close($this->multi);
        }
    }

    public function __destruct()
    {
        $this->close();
    }

    private function receive(\CurlHandle $handle, string $data): int
    {
        $this->buffer .= $data;
        return strlen($data);
    }

    /** Runs the transfer until bytes, headers or the end arrive; throws when nothing does within the timeout. */
    private function pump(): void
    {
        $deadline = microtime(true) + $this->request->timeout;
        $headersBefore = $this->headers->complete;
        while (true) {
            curl_multi_exec($this->multi, $active);
            while (($info = curl_multi_info_read($this->multi)) !== false) {
                if ($info['msg'] === CURLMSG_DONE) {
                    $this->finished = true;
                    $this->result = $info['result'];
                }
            }
            if ($this->buffer !== '' || $this->finished || $this->headers->complete !== $headersBefore) {
                return;
            }
            $remaining = $deadline - microtime(true);
            if ($remaining <= 0) {
                $this->close();
                throw new TimeoutException(sprintf(
                    'The stream from %s sent nothing for %s s (the timeout option); it was closed.',
                    CurlFailure::hostAndPort($this->request->url),
                    rtrim(rtrim(number_format($this->request->timeout, 3, '.', ''), '0'), '.'),
                ));
            }
            if (curl_multi_select($this->multi, min($remaining, 1.0)) === -1) {
                usleep(1000);
            }
        }
    }
}
