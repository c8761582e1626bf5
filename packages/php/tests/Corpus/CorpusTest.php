<?php

declare(strict_types=1);

namespace Embott\Tests\Corpus;

use PHPUnit\Framework\TestCase;

/**
 * The corpus gate: the PHP emitted for every testdata/corpus spec, the Embott spec and the wire features is valid
 * PHP (`php -l`) and clean PSR-12 with strict types (phpcs), file by file, and so is every testdata/repro spec's;
 * the pagination repro's SDK also runs.
 */
final class CorpusTest extends TestCase
{
    private static string $out;

    public static function setUpBeforeClass(): void
    {
        self::$out = sys_get_temp_dir() . '/embott-php-corpus-' . getmypid();
        [$status, $output] = self::execute(['pnpm', 'exec', 'tsx', 'generators/php/tools/emit-corpus.ts', self::$out]);
        if ($status !== 0) {
            self::fail("emitting the corpus failed:\n$output");
        }
    }

    public static function tearDownAfterClass(): void
    {
        exec('rm -rf ' . escapeshellarg(self::$out));
    }

    /** @return iterable<string, array{string}> one folder per spec, named as emit-corpus.ts names it */
    public static function specs(): iterable
    {
        $root = self::root();
        $specs = glob("$root/testdata/corpus/*.{json,yaml,yml}", GLOB_BRACE) ?: [];
        $extra = ['spec/openapi.yaml', 'testdata/wire/features.yaml'];
        array_push($specs, ...array_map(static fn (string $spec): string => "$root/$spec", $extra));
        array_push($specs, ...(glob("$root/testdata/repro/*.yaml") ?: []));
        foreach ($specs as $spec) {
            yield basename($spec) => [(string) preg_replace('/\W+/', '-', basename($spec))];
        }
    }

    /** @dataProvider specs */
    public function testTheSpecsPhpPassesPhpLintAndPhpcs(string $folder): void
    {
        $dir = self::$out . "/$folder";
        self::assertFileExists("$dir/src/Client.php");
        [$status, $output] = self::execute([PHP_BINARY, 'generators/php/tools/lint.php', $dir]);
        self::assertSame(0, $status, $output);
        $standard = '--standard=' . __DIR__ . '/phpcs.xml';
        [$status, $output] = self::execute(['phpcs', $standard, '--extensions=php', '--report=emacs', $dir]);
        self::assertSame(0, $status, $output);
    }

    /**
     * The pager the plan describes reaches the runtime: the SDK emitted for the pagination repro walks a local
     * Stripe-style list (no next-cursor field), asking each next page `starting_after` the last item's id and
     * stopping at `has_more: false`.
     */
    public function testTheEmittedStripeStylePagerFollowsTheLastItemsId(): void
    {
        $script = __DIR__ . '/stripe-pages-client.php';
        [$status, $output] = self::execute([PHP_BINARY, $script, self::$out . '/pagination-yaml']);
        self::assertSame(0, $status, $output);
        $walked = json_decode($output, true, 512, JSON_THROW_ON_ERROR);
        self::assertSame(array_map(static fn (int $i): string => "obj_$i", range(0, 6)), $walked['ids']);
        $targets = [
            '/stripe_like?limit=3',
            '/stripe_like?limit=3&starting_after=obj_2',
            '/stripe_like?limit=3&starting_after=obj_5',
        ];
        self::assertSame($targets, $walked['targets']);
    }

    /**
     * @param list<string> $command
     * @return array{int, string}
     */
    private static function execute(array $command): array
    {
        $process = proc_open($command, [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes, self::root());
        if (!is_resource($process)) {
            return [127, 'cannot start ' . implode(' ', $command)];
        }
        $output = stream_get_contents($pipes[1]) . stream_get_contents($pipes[2]);
        return [proc_close($process), $output];
    }

    private static function root(): string
    {
        return dirname(__DIR__, 4);
    }
}
