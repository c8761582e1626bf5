<?php

declare(strict_types=1);

namespace Embott\Tests\Wire;

use Embott\Tests\Support\ChildServer;
use PHPUnit\Framework\TestCase;

/**
 * The shared wire cases (testdata/wire): the PHP SDK generated from features.yaml must send exactly the
 * expected method, URL, headers and body bytes to the recording server.
 */
final class WireTest extends TestCase
{
    private static ChildServer $recorder;
    private static string $sdk;

    public static function setUpBeforeClass(): void
    {
        $root = dirname(__DIR__, 4);
        self::$sdk = sys_get_temp_dir() . '/embott-php-wire-' . getmypid();
        $command = [
            'pnpm', '--silent', 'codegen', 'generate', '--spec', 'testdata/wire/features.yaml',
            '--out', self::$sdk, '--lang', 'php',
        ];
        $process = proc_open($command, [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes, $root);
        $output = is_resource($process) ? stream_get_contents($pipes[1]) . stream_get_contents($pipes[2]) : '';
        if (!is_resource($process) || proc_close($process) !== 0) {
            self::fail("could not generate the wire SDK:\n$output");
        }
        spl_autoload_register(static function (string $class): void {
            $file = self::$sdk . '/php/src/' . str_replace('\\', '/', substr($class, strlen('Wire\\'))) . '.php';
            if (str_starts_with($class, 'Wire\\') && is_file($file)) {
                require $file;
            }
        });
        self::$recorder = new ChildServer(['node', 'testdata/wire/recorder.mjs', '--port', '0'], $root);
    }

    public static function tearDownAfterClass(): void
    {
        self::$recorder->stop();
        exec('rm -rf ' . escapeshellarg(self::$sdk));
    }

    /** @return iterable<string, array{array<string, mixed>}> */
    public static function cases(): iterable
    {
        $file = dirname(__DIR__, 4) . '/testdata/wire/cases.json';
        foreach (json_decode((string) file_get_contents($file), true, 512, JSON_THROW_ON_ERROR)['cases'] as $case) {
            yield $case['name'] => [$case];
        }
    }

    /**
     * @dataProvider cases
     * @param array<string, mixed> $case
     */
    public function testSendsExactlyTheExpectedRequest(array $case): void
    {
        self::recorder('DELETE');
        $clientClass = 'Wire\\Client';
        $client = new $clientClass(['base_url' => self::$recorder->url . '/v1', 'max_retries' => 0]);
        $segments = explode('.', $case['method']);
        $method = array_pop($segments);
        $target = $client;
        foreach ($segments as $segment) {
            $target = $target->{lcfirst($segment)};
        }
        $target->{$method}(array_map(self::argument(...), $case['args']));

        $recorded = self::recorder('GET');
        self::assertCount(1, $recorded);
        $request = $recorded[0];
        $expect = $case['expect'];
        $body = (string) base64_decode($request['bodyBase64'], true);
        self::assertSame($expect['method'], $request['method']);
        self::assertSame($expect['url'], $request['url']);
        foreach ($expect['headers'] ?? [] as $name => $value) {
            self::assertSame($value, $request['headers'][$name] ?? null, "header $name");
        }
        foreach ($expect['absentHeaders'] ?? [] as $name) {
            self::assertArrayNotHasKey($name, $request['headers']);
        }
        if (isset($expect['body'])) {
            self::assertSame($expect['body'], $body);
        }
        if (isset($expect['bodyBase64'])) {
            self::assertSame($expect['bodyBase64'], $request['bodyBase64']);
        }
        if (isset($expect['contentTypePattern'])) {
            $pattern = '~' . str_replace('~', '\~', $expect['contentTypePattern']) . '~';
            self::assertMatchesRegularExpression($pattern, $request['headers']['content-type']);
        }
        foreach ($expect['bodyIncludes'] ?? [] as $part) {
            self::assertStringContainsString($part, $body);
        }
    }

    private static function argument(mixed $value): mixed
    {
        if (is_array($value) && isset($value['$bytes'])) {
            return (string) base64_decode($value['$bytes'], true);
        }
        if (is_array($value) && isset($value['$file'])) {
            $file = $value['$file'];
            $class = 'Wire\\Core\\File';
            $bytes = (string) base64_decode($file['base64'], true);
            return new $class($bytes, $file['filename'] ?? null, $file['contentType'] ?? null);
        }
        return $value;
    }

    /** @return list<array{method: string, url: string, headers: array<string, string>, bodyBase64: string}> */
    private static function recorder(string $method): array
    {
        $handle = curl_init(self::$recorder->url . '/__recorded');
        curl_setopt_array($handle, [CURLOPT_CUSTOMREQUEST => $method, CURLOPT_RETURNTRANSFER => true]);
        $text = curl_exec($handle);
        $decoded = is_string($text) ? json_decode($text, true) : null;
        return is_array($decoded) && array_is_list($decoded) ? $decoded : [];
    }
}
