<?php

declare(strict_types=1);

namespace Embott\Tests\Unit;

use Embott\Client;
use Embott\Exception\EmbottException;
use Embott\Exception\InvalidArgumentException;
use PHPUnit\Framework\TestCase;

/** The generated client's configuration, without a server. */
final class ClientTest extends TestCase
{
    private const KEY = 'sk_live_unit_0001';

    public function testTheKeyIsEnoughAndTheSpecServerIsTheDefault(): void
    {
        putenv('EMBOTT_BASE_URL');
        $client = new Client(self::KEY);
        self::assertSame('https://api.embott.com/v1', $client->baseUrl);
        $services = array_keys(array_filter(get_object_vars($client), 'is_object'));
        self::assertSame(['analytics', 'bots', 'conversations', 'leads', 'products', 'webhooks'], $services);
        putenv('EMBOTT_BASE_URL=http://127.0.0.1:9/v1');
        try {
            self::assertSame('http://127.0.0.1:9/v1', (new Client(self::KEY))->baseUrl);
        } finally {
            putenv('EMBOTT_BASE_URL');
        }
    }

    public function testTheKeyNeverShowsInDumps(): void
    {
        $client = new Client(['api_key' => self::KEY, 'webhook_secret' => 'whsec_unit_secret']);
        ob_start();
        var_dump($client);
        $dump = (string) ob_get_clean() . print_r($client, true) . json_encode($client);
        self::assertStringNotContainsString(self::KEY, $dump);
        self::assertStringNotContainsString('whsec_unit_secret', $dump);
        $this->expectException(EmbottException::class);
        serialize($client);
    }

    public function testBadConfigurationFailsAtConstruction(): void
    {
        $bad = [
            ['api_key' => self::KEY, 'base_url' => 'localhost:4010'],
            ['api_key' => self::KEY, 'region' => 'eu'],
            ['api_key' => "bad key\n"],
        ];
        foreach ($bad as $options) {
            try {
                new Client($options);
                self::fail('accepted ' . json_encode($options));
            } catch (InvalidArgumentException $error) {
                self::assertInstanceOf(EmbottException::class, $error);
                self::assertNotNull($error->getParam());
            }
        }
    }
}
