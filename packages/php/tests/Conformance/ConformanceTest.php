<?php

declare(strict_types=1);

namespace Embott\Tests\Conformance;

use PHPUnit\Framework\TestCase;

/**
 * The PHP conformance runner: every scenario of testdata/conformance through the real SDK against the HTTP mock.
 * Run by scripts/conformance/matrix.mjs through serve.mjs (which starts the mock); per-scenario results go to
 * $CONFORMANCE_RESULTS for the matrix.
 */
final class ConformanceTest extends TestCase
{
    /** @var array<string, array{status: string, problems: list<string>}> */
    private static array $results = [];

    private static function root(): string
    {
        return dirname(__DIR__, 4);
    }

    /** @return array<string, array{0: array<string, mixed>}> */
    public static function scenarios(): array
    {
        $cases = [];
        foreach (glob(self::root() . '/testdata/conformance/scenarios/*.json') ?: [] as $file) {
            $scenario = json_decode((string) file_get_contents($file), true, 512, JSON_THROW_ON_ERROR);
            $cases[$scenario['id']] = [$scenario];
        }
        ksort($cases);
        return $cases;
    }

    /** @dataProvider scenarios */
    public function testScenario(array $scenario): void
    {
        try {
            $problems = (new Runner(MockControl::fromEnv(), self::root()))->run($scenario);
        } catch (\Throwable $error) {
            $problems = ['runner error: ' . get_class($error) . ': ' . $error->getMessage()];
        }
        self::$results[$scenario['id']] = ['status' => $problems === [] ? 'passed' : 'failed', 'problems' => $problems];
        self::assertSame([], $problems);
    }

    public static function tearDownAfterClass(): void
    {
        $file = getenv('CONFORMANCE_RESULTS');
        if (is_string($file) && $file !== '') {
            $flags = JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE;
            $json = json_encode(['language' => 'php', 'results' => self::$results], $flags);
            file_put_contents($file, $json . "\n");
        }
    }
}
