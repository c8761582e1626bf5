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
        } else {
            self::add($this->headers, $trimmed);
        }
        return strlen($line);
    }

    /**
     * The headers of the last response in a head curl returned with CURLOPT_HEADER (1xx heads come first).
     *
     * @return array<string, string>
     */
    public static function parse(string $head): array
    {
        $headers = [];
        foreach (explode("\n", $head) as $line) {
            $colon = strpos($line, ':');
            $name = $colon === false ? '' : ltrim(substr($line, 0, $colon));
            if ($colon !== false && !str_starts_with($name, 'HTTP/')) { // a header line (add(), inlined)
                $name = strtolower(rtrim($name));
                $value = trim(substr($line, $colon + 1));
                $headers[$name] = isset($headers[$name]) ? "{$headers[$name]}, $value" : $value;
            } elseif (str_starts_with(ltrim($line), 'HTTP/')) {
                $headers = [];
            }
        }
        return $headers;
    }

    /** @param array<string, string> $headers */
    private static function add(array &$headers, string $line): void
    {
        if (str_contains($line, ':')) {
            [$name, $value] = explode(':', $line, 2);
            $name = strtolower(trim($name));
            $value = trim($value);
            $headers[$name] = isset($headers[$name]) ? "{$headers[$name]}, $value" : $value;
        }
    }
}
