<?php

declare(strict_types=1);

namespace Embott\Http;

/** Collects response headers from curl's header callback; a new status line (1xx, redirects) starts over. */
final class HeaderCollector
{
    /** @var array<string, string> */
    public array $headers = [];
    public bool $complete = false;

    public function collect(\CurlHandle $handle, string $line): int
    {
        $trimmed = trim($line);
        if (str_starts_with($trimmed, 'HTTP/')) {
            $this->headers = [];
            $this->complete = false;
        } elseif ($trimmed === '') {
            $this->complete = curl_getinfo($handle, CURLINFO_RESPONSE_CODE) >= 200;
        } elseif (str_contains($trimmed, ':')) {
            [$name, $value] = explode(':', $trimmed, 2);
            $name = strtolower(trim($name));
            $value = trim($value);
            $this->headers[$name] = isset($this->headers[$name]) ? "{$this->headers[$name]}, $value" : $value;
        }
        return strlen($line);
    }
}
