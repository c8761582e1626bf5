<?php

declare(strict_types=1);

namespace Embott\Http;

use Embott\Exception\InvalidArgumentException;

/**
 * The default transport: ext-curl with one persistent handle, so consecutive requests reuse the connection
 * (HTTP keep-alive, TLS session cache). Streams get a handle of their own, driven by curl_multi.
 */
final class CurlTransport implements StreamingTransport
{
    /** Options every request sets. */
    private const FIXED = [
        CURLOPT_NOSIGNAL => true,
        CURLOPT_FOLLOWLOCATION => false,
        CURLOPT_PROTOCOLS => CURLPROTO_HTTP | CURLPROTO_HTTPS,
    ];

    private ?\CurlHandle $handle = null;
    /** Whether the handle holds exactly the options of a request without body (not HEAD), all set again by the next. */
    private bool $plain = false;

    /**
     * @param float $connectTimeout seconds to establish a connection (capped by each request's timeout)
     * @param array<int, mixed> $curlOptions extra CURLOPT_* values for every request (e.g. a proxy, a CA bundle,
     *   or CURLOPT_ENCODING => '' to accept compressed responses)
     */
    public function __construct(
        private readonly float $connectTimeout = 10.0,
        private readonly array $curlOptions = [],
    ) {
        if (!extension_loaded('curl')) {
            throw new InvalidArgumentException('CurlTransport needs ext-curl: install it (e.g. apt install php-curl).');
        }
        if (!($connectTimeout > 0)) {
            throw new InvalidArgumentException(
                "connectTimeout must be a positive number of seconds, got $connectTimeout",
            );
        }
    }

    /**
     * The response head comes back in front of the body (CURLOPT_HEADER) and is parsed in one go, which is cheaper
     * than a PHP callback per header line.
     */
    public function send(Request $request): Response
    {
        $handle = $this->handle ??= self::newHandle();
        $plain = $request->body === null && $request->method !== 'HEAD';
        if (!($plain && $this->plain)) {
            // a body or NOBODY would stay set; between two plain requests every option is set again below anyway
            curl_reset($handle);
        }
        $this->plain = false;
        // whatever the extra options say, the head comes back with the body: it is split off below
        curl_setopt_array($handle, [CURLOPT_HEADER => true] + $this->options($request, [
            CURLOPT_RETURNTRANSFER => true,
            CURLOPT_TIMEOUT_MS => self::milliseconds($request->timeout),
        ]));
        $this->plain = $plain;
        $received = curl_exec($handle);
        if (!is_string($received)) {
            throw CurlFailure::from(curl_errno($handle), curl_error($handle), $request);
        }
        $headSize = curl_getinfo($handle, CURLINFO_HEADER_SIZE);
        return new Response(
            curl_getinfo($handle, CURLINFO_RESPONSE_CODE),
            HeaderCollector::parse(substr($received, 0, $headSize)),
            substr($received, $headSize),
        );
    }

    public function openStream(Request $request): StreamedResponse
    {
        $handle = self::newHandle();
        $headers = new HeaderCollector();
        curl_setopt_array($handle, $this->options($request, [CURLOPT_HEADERFUNCTION => $headers->collect(...)]));
        return CurlStream::start($handle, $headers, $request);
    }

    /**
     * @param array<int, mixed> $how how the response is read
     * @return array<int, mixed>
     */
    private function options(Request $request, array $how): array
    {
        $lines = ['Expect:'];
        foreach ($request->headers as $name => $value) {
            $lines[] = "$name: $value";
        }
        $options = $how + [
            CURLOPT_URL => $request->url,
            CURLOPT_CUSTOMREQUEST => $request->method,
            CURLOPT_HTTPHEADER => $lines,
            CURLOPT_CONNECTTIMEOUT_MS => self::milliseconds(min($this->connectTimeout, $request->timeout)),
        ] + self::FIXED;
        if ($request->method === 'HEAD') {
            $options[CURLOPT_NOBODY] = true;
        }
        if ($request->body !== null) {
            $options[CURLOPT_POSTFIELDS] = $request->body;
        }
        return $this->curlOptions === [] ? $options : $this->curlOptions + $options;
    }

    private static function newHandle(): \CurlHandle
    {
        $handle = curl_init();
        if ($handle === false) {
            throw new \RuntimeException('curl_init() failed');
        }
        return $handle;
    }

    private static function milliseconds(float $seconds): int
    {
        return max(1, (int) ceil($seconds * 1000));
    }
}
