<?php

declare(strict_types=1);

namespace Embott\Core;

use Embott\Exception\InvalidArgumentException;

/**
 * The credentials a client holds, by option name, and the choice among a method's security alternatives: the
 * first non-empty alternative whose every credential is held is sent; none fitting sends nothing when the list is
 * empty or allows anonymous access (`[]`), and is an error naming the options to pass otherwise.
 */
final class Credentials
{
    /**
     * @param array<string, Credential> $schemes every credential option of the SDK
     * @param array<string, string> $values the options the client holds, non-empty
     */
    private function __construct(private readonly array $schemes, private readonly array $values)
    {
    }

    /**
     * Each credential option, else its environment variable; a value that cannot be sent fails here.
     *
     * @param array<mixed> $options
     * @param array<string, Credential> $schemes
     */
    public static function read(#[\SensitiveParameter] array $options, array $schemes): self
    {
        $values = [];
        foreach ($schemes as $option => $scheme) {
            $given = $options[$option] ?? null;
            $value = $given === null || $given === '' ? self::env($scheme->env) : $given;
            if ($value === null) {
                continue;
            }
            self::check($option, $value, $scheme);
            $values[$option] = $value;
        }
        return new self($schemes, $values);
    }

    public function has(string $option): bool
    {
        return isset($this->values[$option]);
    }

    public function value(string $option): ?string
    {
        return $this->values[$option] ?? null;
    }

    /** @return list<string> every value held (scrubbed from messages and logs) */
    public function secrets(): array
    {
        return array_values($this->values);
    }

    /** @return list<string> the names of the headers that carry a credential */
    public function headerNames(): array
    {
        $names = [];
        foreach ($this->schemes as $scheme) {
            if ($scheme->kind !== 'query') {
                $names[] = $scheme->kind === 'cookie' ? 'Cookie' : $scheme->name;
            }
        }
        return array_values(array_unique($names));
    }

    /**
     * The alternative to send, or null when none fits and anonymous access is not allowed.
     *
     * @param list<list<string>> $alternatives option names, each alternative needing all of its options
     * @return list<string>|null
     */
    public function choose(array $alternatives): ?array
    {
        $anonymous = $alternatives === [];
        foreach ($alternatives as $alternative) {
            if ($alternative === []) {
                $anonymous = true;
                continue;
            }
            if (array_diff($alternative, array_keys($this->values)) === []) {
                return $alternative;
            }
        }
        return $anonymous ? [] : null;
    }

    /**
     * Where the chosen credentials go: headers by name, query parameters (appended after the operation's) and
     * cookie pairs (joined with the operation's cookies).
     *
     * @param list<string> $chosen
     * @return array{headers: array<string, string>, query: array<string, string>, cookies: list<string>}
     */
    public function place(array $chosen): array
    {
        $placed = ['headers' => [], 'query' => [], 'cookies' => []];
        foreach ($chosen as $option) {
            $scheme = $this->schemes[$option];
            $value = $this->values[$option];
            match ($scheme->kind) {
                'query' => $placed['query'][$scheme->name] = $value,
                'cookie' => $placed['cookies'][] = $scheme->render($value),
                default => $placed['headers'][$scheme->name] = $scheme->render($value),
            };
        }
        return $placed;
    }

    /**
     * `['auth_email' => …, 'auth_key' => …] or ['api_key' => …]`: what satisfies one of the alternatives.
     *
     * @param list<list<string>> $alternatives
     */
    public static function describe(array $alternatives): string
    {
        $each = array_map(
            static fn (array $options): string => '[' . implode(', ', array_map(
                static fn (string $option): string => "'$option' => …",
                $options,
            )) . ']',
            $alternatives,
        );
        return implode(' or ', $each);
    }

    /**
     * The environment variables of every option the alternatives name.
     *
     * @param list<list<string>> $alternatives
     * @return list<string>
     */
    public function envs(array $alternatives): array
    {
        $envs = [];
        foreach (array_merge(...$alternatives) as $option) {
            $env = $this->schemes[$option]->env ?? null;
            if ($env !== null && !in_array($env, $envs, true)) {
                $envs[] = $env;
            }
        }
        return $envs;
    }

    private static function check(string $option, #[\SensitiveParameter] mixed $value, Credential $scheme): void
    {
        $label = $option === 'api_key' ? 'The API key' : "The \"$option\" credential";
        if (!is_string($value)) {
            throw new InvalidArgumentException("$label must be a string, got " . get_debug_type($value) . '.', $option);
        }
        $printable = $scheme->kind === 'basic' ? '/^[\x20-\x7e]+$/' : '/^[\x21-\x7e]+$/';
        if ($scheme->inHeader() && preg_match($printable, $value) !== 1) {
            throw new InvalidArgumentException(
                "$label contains whitespace, control or non-ASCII characters: copy it again from the dashboard.",
                $option,
            );
        }
    }

    private static function env(?string $name): ?string
    {
        if ($name === null) {
            return null;
        }
        $value = getenv($name);
        return is_string($value) && trim($value) !== '' ? trim($value) : null;
    }
}
