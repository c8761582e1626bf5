<?php

declare(strict_types=1);

namespace Embott\Tests\Unit;

use Embott\Exception\EmbottException;
use Embott\Exception\WebhookSignatureException;
use Embott\Webhook\Signature;
use Embott\Webhook\SignatureScheme;
use PHPUnit\Framework\TestCase;

final class SignatureTest extends TestCase
{
    private const SECRET = 'whsec_test_secret';

    /** @return iterable<string, array{array<string, mixed>}> */
    public static function vectors(): iterable
    {
        $file = dirname(__DIR__, 5) . '/testdata/webhook-signatures.json';
        $vectors = json_decode((string) file_get_contents($file), true, 512, JSON_THROW_ON_ERROR);
        foreach ($vectors['cases'] as $case) {
            yield $case['name'] => [$case];
        }
    }

    /**
     * @dataProvider vectors
     * @param array<string, mixed> $case
     */
    public function testSharedVector(array $case): void
    {
        $signature = new Signature(SignatureScheme::fromArray($case['scheme']));
        $body = $case['body_encoding'] === 'base64' ? base64_decode($case['body'], true) : $case['body'];
        self::assertIsString($body);
        try {
            $signature->verify($body, $case['header'], $case['secret'], $case['tolerance'], $case['now']);
            $outcome = 'valid';
        } catch (WebhookSignatureException $error) {
            $outcome = $error->getReason();
        }
        self::assertSame($case['expect'], $outcome);
    }

    public function testANowOrToleranceThatIsNotAFiniteNumberIsAnArgumentError(): void
    {
        $signature = new Signature(new SignatureScheme());
        $header = $signature->header('{"a":1}', self::SECRET, 1000);
        $signature->verify('{"a":1}', $header, self::SECRET, 0.5, 1000.25);
        $bad = [[NAN, 1000, 'tolerance'], [INF, 1000, 'tolerance'], [300, NAN, 'now'], [300, -INF, 'now']];
        foreach ($bad as [$tolerance, $now, $param]) {
            try {
                $signature->verify('{"a":1}', $header, self::SECRET, $tolerance, $now);
                self::fail("$param accepted");
            } catch (\Embott\Exception\InvalidArgumentException $error) {
                self::assertInstanceOf(\InvalidArgumentException::class, $error);
                self::assertSame($param, $error->getParam());
                self::assertStringContainsString("\$$param must be a finite number of seconds", $error->getMessage());
            }
        }
        $this->expectException(\InvalidArgumentException::class);
        $signature->verify('{"a":1}', $header, self::SECRET, -1, 1000);
    }

    public function testAcceptsEveryHeaderShapeAFrameworkGives(): void
    {
        $signature = new Signature(new SignatureScheme());
        $header = $signature->header('{"a":1}', self::SECRET, 1000);
        $shapes = [
            $header,
            [$header],
            ['embott-signature' => $header],
            ['Embott-Signature' => [$header]],
            ['HTTP_EMBOTT_SIGNATURE' => $header],
        ];
        foreach ($shapes as $input) {
            $signature->verify('{"a":1}', $input, self::SECRET, null, 1000);
        }
        $this->addToAssertionCount(5);
    }

    public function testTimestampWithLeadingZerosIsSignedAsReceived(): void
    {
        $signature = new Signature(new SignatureScheme());
        $mac = hash_hmac('sha256', '0001000.{}', self::SECRET);
        $signature->verify('{}', "t=0001000,v1=$mac", self::SECRET, null, 1000);
        $other = hash_hmac('sha256', '1000.{}', self::SECRET);
        try {
            $signature->verify('{}', "t=0001000,v1=$other", self::SECRET, null, 1000);
            self::fail('a signature over the normalised timestamp verified');
        } catch (WebhookSignatureException $error) {
            self::assertSame('signature_mismatch', $error->getReason());
        }
    }

    public function testAcceptsAnyOfSeveralSignaturesDuringRotation(): void
    {
        $signature = new Signature(new SignatureScheme());
        $old = hash_hmac('sha256', '1000.{}', 'whsec_old');
        $new = hash_hmac('sha256', '1000.{}', 'whsec_new');
        $signature->verify('{}', "t=1000,v1=$new,v1=$old", 'whsec_old', null, 1000);
        $signature->verify('{}', "t=1000,v1=$new,v1=$old", 'whsec_new', null, 1000);
        $this->addToAssertionCount(2);
    }

    public function testBadHeaderValuesAreTypedErrorsNeverCrashes(): void
    {
        $signature = new Signature(new SignatureScheme());
        $inputs = [null, '', 42, 4.2, true, new \stdClass(), [42], ['x' => 'y'], [null], "t=\0,v1=\xff"];
        array_push($inputs, str_repeat('t=1,', 10000), 't=99999999999999999999,v1=ab', "t=1000,v1=\u{00e9}");
        mt_srand(7);
        for ($i = 0; $i < 300; $i++) {
            $inputs[] = random_bytes(mt_rand(1, 80));
            $inputs[] = 't=' . mt_rand(0, 2000) . ',v1=' . bin2hex(random_bytes(mt_rand(1, 40)));
        }
        foreach ($inputs as $input) {
            try {
                $signature->verify('{}', $input, self::SECRET, null, 1000);
                self::fail('accepted ' . var_export($input, true));
            } catch (WebhookSignatureException $error) {
                self::assertInstanceOf(EmbottException::class, $error);
                $reasons = ['missing_header', 'malformed_header', 'no_signatures', 'signature_mismatch'];
                self::assertContains($error->getReason(), $reasons);
            }
        }
    }

    public function testNeverEchoesTheSecretAndGeneratesVerifiableHeaders(): void
    {
        $signature = new Signature(new SignatureScheme());
        $header = $signature->header('body', self::SECRET);
        $signature->verify('body', $header, self::SECRET);
        try {
            $signature->verify('body', $header, 'whsec_wrong');
            self::fail('a wrong secret verified');
        } catch (WebhookSignatureException $error) {
            self::assertStringNotContainsString('whsec_wrong', $error->getMessage());
            self::assertStringNotContainsString('whsec_wrong', print_r($error, true));
        }
    }
}
