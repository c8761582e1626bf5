<?php

declare(strict_types=1);

namespace Embott\Core;

use Embott\Exception\InvalidArgumentException;

/**
 * What a generated method declares about one API operation: where each parameter goes. The params array a user
 * passes uses the wire (snake_case) names; a missing required key or an unknown key is an
 * InvalidArgumentException naming it, so nothing is ever silently dropped.
 */
final class Operation
{
    /**
     * @param string $name "resource.method", used in messages
     * @param list<string> $path path parameters (`{name}` in `$pathTemplate`)
     * @param list<string> $query query parameters
     * @param list<string> $headers header parameters (sent under their wire name)
     * @param list<string> $body top-level body fields
     * @param list<string> $required every required key
     * @param bool $openBody the body allows undeclared fields: unknown keys go to the body
     * @param string|null $wholeBody the body is not an object: this param is sent as the whole body
     * @param array<string, mixed> $fixedBody fields always sent (e.g. `stream: true` of a streaming twin)
     */
    public function __construct(
        public readonly string $name,
        public readonly string $method,
        public readonly string $pathTemplate,
        public readonly array $path = [],
        public readonly array $query = [],
        public readonly array $headers = [],
        public readonly array $body = [],
        public readonly array $required = [],
        public readonly bool $openBody = false,
        public readonly ?string $wholeBody = null,
        public readonly array $fixedBody = [],
    ) {
    }

    /**
     * Splits the user's params into path, query, headers and body.
     *
     * @param array<mixed> $params
     * @return array{path: string, query: array<string, mixed>, headers: array<string, string>, body: mixed}
     */
    public function bind(array $params): array
    {
        foreach ($this->required as $key) {
            if (!array_key_exists($key, $params) || $params[$key] === null) {
                throw new InvalidArgumentException(
                    "{$this->name}: missing required parameter \"$key\"{$this->accepted()}.",
                    $key,
                );
            }
        }
        $path = $this->pathTemplate;
        $query = [];
        $headers = [];
        $body = $this->fixedBody;
        $hasBody = $this->body !== [] || $this->openBody || $this->fixedBody !== [];
        foreach ($params as $key => $value) {
            $key = (string) $key;
            if (in_array($key, $this->path, true)) {
                $path = str_replace('{' . $key . '}', rawurlencode(self::pathValue($key, $value, $this->name)), $path);
            } elseif (in_array($key, $this->query, true)) {
                $query[$key] = $value;
            } elseif (in_array($key, $this->headers, true)) {
                if ($value !== null) {
                    $headers[$key] = is_bool($value) ? ($value ? 'true' : 'false') : (string) $value;
                }
            } elseif ($key === $this->wholeBody) {
                $body = $value;
                $hasBody = true;
            } elseif (in_array($key, $this->body, true) || $this->openBody) {
                $body[$key] = $value;
            } else {
                throw new InvalidArgumentException(
                    "{$this->name}: unknown parameter \"$key\"{$this->suggestion($key)}{$this->accepted()}.",
                    $key,
                );
            }
        }
        if ($this->wholeBody === null && $body === []) {
            $body = new \stdClass(); // an empty object body is {} on the wire, not []
        }
        return ['path' => $path, 'query' => $query, 'headers' => $headers, 'body' => $hasBody ? $body : null];
    }

    private function accepted(): string
    {
        $keys = array_merge($this->path, $this->query, $this->headers, $this->body, array_filter([$this->wholeBody]));
        return $keys === [] ? ' (it takes no parameters)' : ' (accepted: ' . implode(', ', $keys) . ')';
    }

    private function suggestion(string $key): string
    {
        $normalise = static fn (string $name): string => strtolower(str_replace(['_', '-'], '', $name));
        $keys = array_merge($this->path, $this->query, $this->headers, $this->body);
        foreach ($keys as $candidate) {
            if ($candidate !== $key && levenshtein($normalise($candidate), $normalise($key)) <= 2) {
                return " (did you mean \"$candidate\"?)";
            }
        }
        return '';
    }

    private static function pathValue(string $key, mixed $value, string $operation): string
    {
        if (is_int($value) || (is_string($value) && $value !== '')) {
            return (string) $value;
        }
        throw new InvalidArgumentException(
            "$operation: path parameter \"$key\" must be a non-empty string or an integer, got "
                . get_debug_type($value) . '.',
            $key,
        );
    }
}
