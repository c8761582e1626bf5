<?php

declare(strict_types=1);

namespace Embott\Core;

use Embott\Exception\InvalidArgumentException;

/**
 * What a generated method declares about one API operation: where each parameter goes and how it is written.
 * The params array a user passes uses the wire (snake_case) names; a missing required key or an unknown key is an
 * InvalidArgumentException naming it, so nothing is ever silently dropped. Parameters are sent in the order
 * declared here (the spec's), whatever the order of the user's array.
 */
final class Operation
{
    /** @var array<string, true>|null every declared key (generated methods keep one Operation, so it is built once) */
    private ?array $known = null;

    /**
     * @param string $name "resource.method", used in messages
     * @param list<string> $path path parameters (`{name}` in `$pathTemplate`)
     * @param list<string> $query query parameters
     * @param list<string> $headers header parameters (sent under their wire name)
     * @param list<string> $cookies cookie parameters (one `Cookie` header)
     * @param list<string> $body top-level body fields
     * @param list<string> $required every required key
     * @param bool $openBody the body allows undeclared fields: unknown keys go to the body
     * @param string|null $wholeBody the body is not an object: this param is sent as the whole body
     * @param array<string, mixed> $fixedBody fields always sent (e.g. `stream: true` of a streaming twin)
     * @param array<string, Style> $styles serialisation of parameters that depart from their location's default
     * @param string $encoding json, form, multipart, text or binary
     * @param list<string> $files multipart fields that are files
     * @param list<string> $dates parameters declared `format: date`: a DateTimeInterface is sent as YYYY-MM-DD
     * @param list<list<string>>|null $security credential alternatives (option names) when they differ from the
     *   API's: `[]` sends none, `[[]]` allows anonymous calls
     */
    public function __construct(
        public readonly string $name,
        public readonly string $method,
        public readonly string $pathTemplate,
        public readonly array $path = [],
        public readonly array $query = [],
        public readonly array $headers = [],
        public readonly array $cookies = [],
        public readonly array $body = [],
        public readonly array $required = [],
        public readonly bool $openBody = false,
        public readonly ?string $wholeBody = null,
        public readonly array $fixedBody = [],
        public readonly array $styles = [],
        public readonly string $encoding = 'json',
        public readonly string $mediaType = 'application/json',
        public readonly array $files = [],
        public readonly array $dates = [],
        public readonly ?array $security = null,
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
        $extra = $this->unknown($params);
        foreach ($this->dates as $key) {
            if (($params[$key] ?? null) instanceof \DateTimeInterface) {
                $params[$key] = $params[$key]->format('Y-m-d');
            }
        }
        $path = $this->pathTemplate;
        foreach ($this->path as $key) {
            $value = self::pathArgument($key, $params[$key] ?? null, $this->name);
            $path = str_replace('{' . $key . '}', Query::pathValue($key, $value, $this->styles[$key] ?? null), $path);
        }
        $query = [];
        foreach ($this->query as $key) {
            if (array_key_exists($key, $params)) {
                $query[$key] = $params[$key];
            }
        }
        $headers = [];
        foreach ($this->headers as $key) {
            if (($params[$key] ?? null) !== null) {
                $headers[$key] = Query::headerValue($key, $params[$key], $this->styles[$key] ?? null);
            }
        }
        $cookies = [];
        foreach ($this->cookies as $key) {
            if (($params[$key] ?? null) !== null) {
                $cookies[] = "$key=" . Query::headerValue($key, $params[$key], $this->styles[$key] ?? null);
            }
        }
        if ($cookies !== []) {
            $headers['Cookie'] = implode('; ', $cookies);
        }
        return ['path' => $path, 'query' => $query, 'headers' => $headers, 'body' => $this->body($params, $extra)];
    }

    /**
     * @param array<mixed> $params
     * @param array<string, mixed> $extra undeclared keys of an open body
     */
    private function body(array $params, array $extra): mixed
    {
        if (in_array($this->method, ['GET', 'HEAD'], true)) {
            return null;
        }
        if ($this->wholeBody !== null) {
            return $params[$this->wholeBody] ?? null;
        }
        if ($this->body === [] && !$this->openBody && $this->fixedBody === []) {
            return null;
        }
        $body = [];
        foreach ($this->body as $key) {
            if (array_key_exists($key, $params)) {
                $body[$key] = $params[$key];
            }
        }
        $body = $body + $extra + $this->fixedBody;
        return $body === [] && $this->encoding === 'json' ? new \stdClass() : $body; // {} on the wire, not []
    }

    /**
     * @param array<mixed> $params
     * @return array<string, mixed> the undeclared keys an open body accepts
     */
    private function unknown(array $params): array
    {
        $known = $this->known ??= array_fill_keys($this->declared(), true);
        $extra = [];
        foreach ($params as $key => $value) {
            $key = (string) $key;
            if (isset($known[$key])) {
                continue;
            }
            if (!$this->openBody) {
                throw new InvalidArgumentException(
                    "{$this->name}: unknown parameter \"$key\"{$this->suggestion($key)}{$this->accepted()}.",
                    $key,
                );
            }
            $extra[$key] = $value;
        }
        return $extra;
    }

    /** @return list<string> every key the params may have, in declaration order */
    private function declared(): array
    {
        $keys = array_merge($this->path, $this->query, $this->headers, $this->cookies, $this->body);
        if ($this->wholeBody !== null) {
            $keys[] = $this->wholeBody;
        }
        return $keys;
    }

    private function accepted(): string
    {
        $keys = $this->declared();
        return $keys === [] ? ' (it takes no parameters)' : ' (accepted: ' . implode(', ', $keys) . ')';
    }

    private function suggestion(string $key): string
    {
        $normalise = static fn (string $name): string => strtolower(str_replace(['_', '-'], '', $name));
        $keys = array_merge($this->path, $this->query, $this->headers, $this->cookies, $this->body);
        foreach ($keys as $candidate) {
            if ($candidate !== $key && levenshtein($normalise($candidate), $normalise($key)) <= 2) {
                return " (did you mean \"$candidate\"?)";
            }
        }
        return '';
    }

    private static function pathArgument(string $key, mixed $value, string $operation): mixed
    {
        if (is_int($value) || (is_string($value) && $value !== '') || (is_array($value) && $value !== [])) {
            return $value;
        }
        throw new InvalidArgumentException(
            "$operation: path parameter \"$key\" must be a non-empty string or an integer, got "
                . get_debug_type($value) . '.',
            $key,
        );
    }
}
