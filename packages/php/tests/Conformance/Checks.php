<?php

declare(strict_types=1);

namespace Embott\Tests\Conformance;

/** Language-neutral expectation checks (testdata/conformance): each returns what did not hold. */
final class Checks
{
    public const MISSING = "\0missing";

    /** Value at a dotted wire path (`messages.0.role`), or MISSING. */
    public static function lookup(mixed $value, string $path): mixed
    {
        foreach (explode('.', $path) as $segment) {
            if (!is_array($value) || !array_key_exists($segment, $value)) {
                return self::MISSING;
            }
            $value = $value[$segment];
        }
        return $value;
    }

    /** JSON equality: objects ignore key order, 1 equals 1.0. */
    public static function same(mixed $a, mixed $b): bool
    {
        if (is_array($a) && is_array($b)) {
            if (count($a) !== count($b) || array_is_list($a) !== array_is_list($b)) {
                return false;
            }
            foreach ($a as $key => $item) {
                if (!array_key_exists($key, $b) || !self::same($item, $b[$key])) {
                    return false;
                }
            }
            return true;
        }
        if ((is_int($a) || is_float($a)) && (is_int($b) || is_float($b))) {
            return $a == $b;
        }
        return $a === $b;
    }

    public static function show(mixed $value): string
    {
        $flags = JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE;
        return $value === self::MISSING ? '(missing)' : (string) json_encode($value, $flags);
    }

    /** Replaces `{{name.path}}` with saved values (a whole-string reference keeps the value's type). */
    public static function substitute(mixed $value, array $saved): mixed
    {
        if (is_string($value)) {
            if (preg_match('/^\{\{([^}]+)\}\}$/', $value, $whole) === 1) {
                return self::resolve($whole[1], $saved);
            }
            return preg_replace_callback(
                '/\{\{([^}]+)\}\}/',
                static fn (array $m): string => (string) self::resolve($m[1], $saved),
                $value,
            );
        }
        if (is_array($value)) {
            return array_map(static fn (mixed $item): mixed => self::substitute($item, $saved), $value);
        }
        return $value;
    }

    private static function resolve(string $ref, array $saved): mixed
    {
        $parts = explode('.', $ref, 2);
        if (!array_key_exists($parts[0], $saved)) {
            throw new \RuntimeException("{{{$ref}}}: nothing saved as \"{$parts[0]}\"");
        }
        $found = isset($parts[1]) ? self::lookup($saved[$parts[0]], $parts[1]) : $saved[$parts[0]];
        if ($found === self::MISSING) {
            throw new \RuntimeException("{{{$ref}}}: no such field in the saved value");
        }
        return $found;
    }

    /** @return list<string> */
    public static function match(mixed $subject, array $match, string $label): array
    {
        $problems = [];
        foreach ($match['equals'] ?? [] as $path => $expected) {
            $actual = self::lookup($subject, (string) $path);
            if (!self::same($actual, $expected)) {
                $problems[] = "$label.$path = " . self::show($actual) . ', expected ' . self::show($expected);
            }
        }
        foreach ($match['matches'] ?? [] as $path => $pattern) {
            $actual = self::lookup($subject, (string) $path);
            $regex = '/' . str_replace('/', '\/', $pattern) . '/u';
            if (!is_string($actual) || $actual === self::MISSING || preg_match($regex, $actual) !== 1) {
                $problems[] = "$label.$path = " . self::show($actual) . " , expected to match /$pattern/";
            }
        }
        foreach ($match['present'] ?? [] as $path) {
            if (self::lookup($subject, $path) === self::MISSING) {
                $problems[] = "$label.$path is missing";
            }
        }
        foreach ($match['length'] ?? [] as $path => $length) {
            $actual = self::lookup($subject, (string) $path);
            if (!is_array($actual) || count($actual) !== $length) {
                $have = is_array($actual) ? count($actual) : self::show($actual);
                $problems[] = "$label.$path has $have items, expected $length";
            }
        }
        return $problems;
    }

    private static function matchesAll(mixed $item, array $fields): bool
    {
        foreach ($fields as $path => $expected) {
            if (!self::same(self::lookup($item, (string) $path), $expected)) {
                return false;
            }
        }
        return true;
    }

    /** @return list<string> */
    public static function items(array $items, array $expect): array
    {
        $problems = [];
        if (isset($expect['count']) && count($items) !== $expect['count']) {
            $problems[] = sprintf('got %d items, expected %d', count($items), $expect['count']);
        }
        if (isset($expect['unique'])) {
            $field = $expect['unique'];
            $values = array_map(static fn (mixed $item): string => self::show(self::lookup($item, $field)), $items);
            $repeated = array_unique(array_diff_assoc($values, array_unique($values)));
            if ($repeated !== []) {
                $problems[] = "items repeat {$expect['unique']}: " . implode(', ', $repeated);
            }
        }
        if (isset($expect['all'])) {
            $off = array_filter($items, static fn (mixed $item): bool => !self::matchesAll($item, $expect['all']));
            if ($off !== []) {
                $problems[] = count($off) . ' items do not have ' . self::show($expect['all']);
            }
        }
        foreach ($expect['where'] ?? [] as $where) {
            $fields = $where['match'];
            $count = count(array_filter($items, static fn (mixed $item): bool => self::matchesAll($item, $fields)));
            if ($count !== $where['count']) {
                $problems[] = "$count items have " . self::show($where['match']) . ", expected {$where['count']}";
            }
        }
        return $problems;
    }

    /** @return list<string> */
    public static function events(array $events, array $expect): array
    {
        $types = array_map(static fn (mixed $event): mixed => self::lookup($event, 'type'), $events);
        $problems = [];
        $first = $types[0] ?? self::MISSING;
        $last = $types === [] ? self::MISSING : $types[count($types) - 1];
        if ($first !== $expect['first']) {
            $problems[] = 'first event is ' . self::show($first) . ", expected {$expect['first']}";
        }
        if ($last !== $expect['last']) {
            $problems[] = 'last event is ' . self::show($last) . ", expected {$expect['last']}";
        }
        if (isset($expect['count_min']) && count($events) < $expect['count_min']) {
            $problems[] = sprintf('got %d events, expected at least %d', count($events), $expect['count_min']);
        }
        $middle = array_slice($events, 1, max(0, count($events) - 2));
        if (isset($expect['middle'])) {
            $inner = array_slice($types, 1, max(0, count($types) - 2));
            $off = array_filter($inner, static fn (mixed $type): bool => $type !== $expect['middle']);
            if ($off !== []) {
                $problems[] = 'events between first and last: ' . implode(', ', $off)
                    . " (expected only {$expect['middle']})";
            }
        }
        $final = $events === [] ? null : $events[count($events) - 1];
        if (isset($expect['text'])) {
            $field = $expect['text']['field'];
            $text = implode('', array_map(static fn (mixed $e): string => (string) self::lookup($e, $field), $middle));
            $want = self::lookup($final, $expect['text']['equals_path']);
            if ($text !== $want) {
                $problems[] = 'deltas give ' . self::show($text)
                    . " but the final {$expect['text']['equals_path']} is " . self::show($want);
            }
        }
        if (isset($expect['final'])) {
            array_push($problems, ...self::match($final, $expect['final'], 'final event'));
        }
        return $problems;
    }
}
