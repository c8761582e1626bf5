<?php

declare(strict_types=1);

namespace Embott\Core;

/** Removes secrets (the API key) from text, decoded bodies and headers before they reach a message or a log. */
final class Redactor
{
    private const MASK = '***';
    private const SECRET_HEADERS = ['authorization', 'proxy-authorization', 'x-api-key', 'cookie', 'set-cookie'];

    /** @var list<string> each secret raw, URL-encoded and form-encoded, longest first */
    private readonly array $forms;

    /** @param list<string> $secrets */
    public function __construct(array $secrets, private readonly array $extraHeaders = [])
    {
        $forms = [];
        foreach ($secrets as $secret) {
            if ($secret !== '') {
                $forms[$secret] = true;
                $forms[rawurlencode($secret)] = true;
                $forms[urlencode($secret)] = true;
            }
        }
        $forms = array_map('strval', array_keys($forms));
        usort($forms, static fn (string $a, string $b): int => strlen($b) <=> strlen($a));
        $this->forms = $forms;
    }

    public function text(string $text): string
    {
        return $this->forms === [] ? $text : str_replace($this->forms, self::MASK, $text);
    }

    /** A copy of a decoded value with every string (keys included) scrubbed. */
    public function value(mixed $value, int $depth = 0): mixed
    {
        if (is_string($value)) {
            return $this->text($value);
        }
        if (!is_array($value) || $depth > 32) {
            return $value;
        }
        $copy = [];
        foreach ($value as $key => $item) {
            $copy[is_string($key) ? $this->text($key) : $key] = $this->value($item, $depth + 1);
        }
        return $copy;
    }

    /**
     * @param array<string, string> $headers
     * @return array<string, string> the auth headers masked, every other value scrubbed
     */
    public function headers(array $headers): array
    {
        $masked = self::redactHeaders($headers, $this->extraHeaders);
        return array_map($this->text(...), $masked);
    }

    /**
     * @param array<string, string> $headers
     * @param list<string> $extra more header names whose values are secret
     * @return array<string, string>
     */
    public static function redactHeaders(array $headers, array $extra = []): array
    {
        $secret = array_merge(self::SECRET_HEADERS, array_map('strtolower', $extra));
        foreach ($headers as $name => $value) {
            if (in_array(strtolower((string) $name), $secret, true)) {
                $headers[$name] = self::MASK;
            }
        }
        return $headers;
    }
}
