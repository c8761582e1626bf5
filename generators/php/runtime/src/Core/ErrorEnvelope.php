<?php

declare(strict_types=1);

namespace Embott\Core;

/**
 * Where an error body keeps its fields, as key paths from the body's root (`['error', 'message']`); a null path
 * means the API's errors do not carry that field.
 */
final class ErrorEnvelope
{
    /**
     * @param list<string>|null $message
     * @param list<string>|null $code
     * @param list<string>|null $type
     * @param list<string>|null $param
     * @param list<string>|null $requestId
     */
    public function __construct(
        public readonly ?array $message = null,
        public readonly ?array $code = null,
        public readonly ?array $type = null,
        public readonly ?array $param = null,
        public readonly ?array $requestId = null,
    ) {
    }

    /**
     * The fields of a decoded error body; each is a string or null.
     *
     * @return array{message: ?string, code: ?string, type: ?string, param: ?string, requestId: ?string}
     */
    public function read(mixed $body): array
    {
        return [
            'message' => self::at($body, $this->message),
            'code' => self::at($body, $this->code),
            'type' => self::at($body, $this->type),
            'param' => self::at($body, $this->param),
            'requestId' => self::at($body, $this->requestId),
        ];
    }

    /**
     * The object holding the message (Embott's `error`, or the body itself for a flat envelope), if any.
     *
     * @return array<mixed>|null
     */
    public function object(mixed $body): ?array
    {
        if ($this->message === null) {
            return null;
        }
        $parent = $body;
        foreach (array_slice($this->message, 0, -1) as $key) {
            $parent = is_array($parent) ? ($parent[$key] ?? null) : null;
        }
        return is_array($parent) ? $parent : null;
    }

    /** @param list<string>|null $path */
    private static function at(mixed $body, ?array $path): ?string
    {
        if ($path === null) {
            return null;
        }
        foreach ($path as $key) {
            if (!is_array($body) || !array_key_exists($key, $body)) {
                return null;
            }
            $body = $body[$key];
        }
        return is_string($body) || is_int($body) ? (string) $body : null;
    }
}
