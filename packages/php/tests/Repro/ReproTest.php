<?php

declare(strict_types=1);

namespace Embott\Tests\Repro;

use Embott\Tests\Support\ChildServer;
use PHPUnit\Framework\TestCase;

/**
 * The repro cases (testdata/repro/cases.json): the PHP SDK generated from each small spec that reproduces how
 * generators fail on big real-world APIs must send exactly the expected requests to the recorder and return (or
 * throw) what the case expects. Each spec is generated once; each case runs in its own PHP process, since every
 * repro SDK has the same root namespace.
 */
final class ReproTest extends TestCase
{
    private static ChildServer $recorder;
    private static string $sdks;

    public static function setUpBeforeClass(): void
    {
        self::$sdks = sys_get_temp_dir() . '/embott-php-repro-' . getmypid();
        $specs = array_values(array_unique(array_map(
            static fn (array $case): string => 'testdata/repro/' . $case['spec'],
            self::file()['cases'],
        )));
        $command = ['pnpm', 'exec', 'tsx', 'generators/php/tools/emit-sdks.ts', self::$sdks, ...$specs];
        [$status, $output] = self::execute($command, null);
        if ($status !== 0) {
            self::fail("could not generate the repro SDKs:\n$output");
        }
        self::$recorder = new ChildServer(['node', 'testdata/wire/recorder.mjs', '--port', '0'], self::root());
    }

    public static function tearDownAfterClass(): void
    {
        self::$recorder->stop();
        exec('rm -rf ' . escapeshellarg(self::$sdks));
    }

    /** @return iterable<string, array{array<string, mixed>}> */
    public static function cases(): iterable
    {
        foreach (self::file()['cases'] as $case) {
            yield $case['name'] => [$case];
        }
    }

    /**
     * @dataProvider cases
     * @param array<string, mixed> $case
     */
    public function testTheSdkDoesWhatTheCaseExpects(array $case): void
    {
        self::recorder('PUT', '/__script', $case['replies'] ?? []);
        $input = [
            'case' => $case,
            'baseUrl' => self::$recorder->url . self::file()['baseUrlPath'],
            'sdk' => self::$sdks . '/' . preg_replace('/\.\w+$/', '', $case['spec']),
        ];
        [$status, $output] = self::execute([PHP_BINARY, __DIR__ . '/run-case.php'], json_encode($input));
        self::assertSame(0, $status, $output);
        $outcome = json_decode($output, true, 512, JSON_THROW_ON_ERROR);
        $expect = $case['expect'];
        $this->assertRequests($expect['requests'], self::recorder('GET', '/__recorded', null));

        if (isset($expect['error'])) {
            self::assertArrayHasKey('error', $outcome, 'expected an error, got ' . $output);
            $this->assertError($expect['error'], $outcome['error'], $case['spec']);
            return;
        }
        self::assertArrayNotHasKey('error', $outcome, $output);
        $value = $outcome['value'];
        foreach (['items', 'result', 'resultBase64'] as $field) {
            if (array_key_exists($field, $expect)) {
                self::assertSame(self::canonical($expect[$field]), self::canonical($value), $field);
            }
        }
    }

    /**
     * @param list<array<string, mixed>> $expected
     * @param list<array{method: string, url: string, headers: array<string, string>, bodyBase64: string}> $recorded
     */
    private function assertRequests(array $expected, array $recorded): void
    {
        $urls = array_map(static fn (array $request): string => "{$request['method']} {$request['url']}", $recorded);
        self::assertCount(count($expected), $recorded, 'requests sent: ' . json_encode($urls));
        foreach ($expected as $index => $want) {
            $request = $recorded[$index];
            self::assertSame($want['method'], $request['method'], "request $index method");
            self::assertSame($want['url'], $request['url'], "request $index URL");
            foreach ($want['headers'] ?? [] as $name => $value) {
                self::assertSame($value, $request['headers'][$name] ?? null, "request $index header $name");
            }
            foreach ($want['absentHeaders'] ?? [] as $name) {
                self::assertArrayNotHasKey($name, $request['headers'], "request $index sends $name");
            }
            if (array_key_exists('json', $want)) {
                $body = json_decode((string) base64_decode($request['bodyBase64'], true), true);
                self::assertSame(self::canonical($want['json']), self::canonical($body), "request $index body");
            }
        }
    }

    /**
     * @param array<string, mixed> $want
     * @param array<string, mixed> $got
     */
    private function assertError(array $want, array $got, string $spec): void
    {
        self::assertSame($want['at'], $got['at'], $got['message']);
        if (isset($want['mentions'])) {
            self::assertSame('config', $got['kind'], "{$got['class']}: {$got['message']}");
            $dir = self::$sdks . '/' . preg_replace('/\.\w+$/', '', $spec);
            $options = json_decode((string) file_get_contents("$dir/sdk.json"), true)['credentials'];
            foreach ($want['mentions'] as $scheme) {
                self::assertStringContainsString("'{$options[$scheme]}'", $got['message']);
            }
        }
        if (isset($want['status'])) {
            self::assertSame($want['status'] === 409 ? 'conflict' : 'api', $got['kind'], $got['class']);
            foreach (['status', 'code', 'param', 'requestId'] as $field) {
                if (array_key_exists($field, $want)) {
                    self::assertSame($want[$field], $got[$field], "error $field");
                }
            }
            self::assertStringContainsString($want['message'], $got['message']);
        }
    }

    /** JSON with object keys sorted, so key order does not matter but types and values do. */
    private static function canonical(mixed $value): mixed
    {
        if (!is_array($value)) {
            return $value;
        }
        $value = array_map(self::canonical(...), $value);
        if (!array_is_list($value)) {
            ksort($value);
        }
        return $value;
    }

    /** @return array{baseUrlPath: string, cases: list<array<string, mixed>>} */
    private static function file(): array
    {
        static $file = null;
        return $file ??= json_decode(
            (string) file_get_contents(self::root() . '/testdata/repro/cases.json'),
            true,
            512,
            JSON_THROW_ON_ERROR,
        );
    }

    /** @return list<array<string, mixed>> */
    private static function recorder(string $method, string $path, mixed $body): array
    {
        $handle = curl_init(self::$recorder->url . $path);
        curl_setopt_array($handle, [CURLOPT_CUSTOMREQUEST => $method, CURLOPT_RETURNTRANSFER => true]);
        if ($body !== null) {
            curl_setopt($handle, CURLOPT_POSTFIELDS, json_encode($body, JSON_THROW_ON_ERROR));
        }
        $text = curl_exec($handle);
        $decoded = is_string($text) ? json_decode($text, true) : null;
        return is_array($decoded) && array_is_list($decoded) ? $decoded : [];
    }

    /**
     * @param list<string> $command
     * @return array{int, string}
     */
    private static function execute(array $command, ?string $stdin): array
    {
        $pipes = [];
        $streams = [0 => ['pipe', 'r'], 1 => ['pipe', 'w'], 2 => ['pipe', 'w']];
        $process = proc_open($command, $streams, $pipes, self::root());
        if (!is_resource($process)) {
            return [127, 'cannot start ' . implode(' ', $command)];
        }
        fwrite($pipes[0], $stdin ?? '');
        fclose($pipes[0]);
        $output = stream_get_contents($pipes[1]);
        $errors = stream_get_contents($pipes[2]);
        $status = proc_close($process);
        return [$status, $status === 0 && $stdin !== null ? (string) $output : $output . $errors];
    }

    private static function root(): string
    {
        return dirname(__DIR__, 4);
    }
}
