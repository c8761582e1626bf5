<?php

declare(strict_types=1);

namespace Embott\Tests\Integration;

use Embott\Core\UnknownModel;
use Embott\Exception\WebhookSignatureException;
use Embott\Model\LeadCapturedEvent;
use Embott\Model\WebhookSubscription;
use Embott\Tests\Support\MockTestCase;
use Embott\Tests\Support\WebhookReceiver;

final class WebhooksTest extends MockTestCase
{
    public function testCreateGetListDelete(): void
    {
        $client = $this->client();
        $created = $client->webhooks->create([
            'url' => 'https://example.com/hooks/embott',
            'events' => ['lead.captured'],
        ]);
        self::assertStringStartsWith('wh_', $created->id);
        self::assertSame($created->id, $client->webhooks->get(['webhook_id' => $created->id])->id);
        $ids = [];
        foreach ($client->webhooks->list(['limit' => 1]) as $endpoint) {
            self::assertInstanceOf(WebhookSubscription::class, $endpoint);
            $ids[] = $endpoint->id;
        }
        self::assertContains($created->id, $ids);
        $client->webhooks->delete(['webhook_id' => $created->id]);
        $left = array_map(
            static fn (WebhookSubscription $endpoint): string => $endpoint->id,
            iterator_to_array($client->webhooks->list(), false),
        );
        self::assertNotContains($created->id, $left);
    }

    /** @return iterable<string, array{array<string, mixed>}> */
    public static function vectors(): iterable
    {
        $file = dirname(__DIR__, 4) . '/testdata/webhook-signatures.json';
        foreach (json_decode((string) file_get_contents($file), true, 512, JSON_THROW_ON_ERROR)['cases'] as $case) {
            if ($case['scheme']['scheme'] === 'timestamped' && $case['scheme']['encoding'] === 'hex') {
                yield $case['name'] => [$case];
            }
        }
    }

    /**
     * The client's helper uses the API's declared scheme (Embott-Signature, timestamped, hex).
     *
     * @dataProvider vectors
     * @param array<string, mixed> $case
     */
    public function testSharedVectorThroughTheClient(array $case): void
    {
        $body = $case['body_encoding'] === 'base64' ? (string) base64_decode($case['body'], true) : $case['body'];
        try {
            $webhooks = $this->client()->webhooks;
            $webhooks->verify($body, $case['header'], $case['secret'], $case['tolerance'], $case['now']);
            $outcome = 'valid';
        } catch (WebhookSignatureException $error) {
            $outcome = $error->getReason();
        }
        self::assertSame($case['expect'], $outcome);
    }

    public function testASignedDeliveryFromTheMockIsVerifiedAndUnwrapped(): void
    {
        $receiver = new WebhookReceiver();
        try {
            $subscribe = ['url' => $receiver->url, 'events' => ['lead.captured']];
            $subscription = self::$mock->control('POST', '/webhooks', $subscribe);
            $client = $this->client(['webhook_secret' => $subscription['secret']]);
            $client->conversations->sendMessage([
                'conversation_id' => 'conv_convseed0001',
                'role' => 'user',
                'content' => 'Please email me at ada@example.com',
            ]);
            $delivery = $receiver->next();
            $client->webhooks->verify($delivery['body'], $delivery['headers']);
            $event = $client->webhooks->unwrap($delivery['body'], $delivery['headers']['embott-signature']);
            self::assertInstanceOf(LeadCapturedEvent::class, $event);
            self::assertSame('ada@example.com', $event->data->email);
            self::assertSame(json_decode($delivery['body'], true), $event->toArray());

            $tampered = str_replace('ada@', 'eve@', $delivery['body']);
            try {
                $client->webhooks->verify($tampered, $delivery['headers']);
                self::fail('a tampered body verified');
            } catch (WebhookSignatureException $error) {
                self::assertSame('signature_mismatch', $error->getReason());
            }

            // Rotation: the delivery carries one v1 per secret; the old and the new secret both verify it.
            $rotated = self::$mock->control('POST', "/webhooks/{$subscription['id']}/rotate-secret", []);
            $client->conversations->sendMessage([
                'conversation_id' => 'conv_convseed0001',
                'role' => 'user',
                'content' => 'Or grace@example.com',
            ]);
            $second = $receiver->next();
            self::assertSame(2, substr_count($second['headers']['embott-signature'], 'v1='));
            $client->webhooks->verify($second['body'], $second['headers'], $subscription['secret']);
            $client->webhooks->verify($second['body'], $second['headers'], $rotated['secret']);
        } finally {
            $receiver->stop();
        }
    }

    public function testUnwrapKeepsEventsOfUnknownTypesAndRejectsNonEvents(): void
    {
        $client = $this->client(['webhook_secret' => 'whsec_local']);
        $payload = '{"id":"evt_1","object":"event","type":"robot.invented","data":{"x":1}}';
        $event = $client->webhooks->unwrap($payload, $client->webhooks->generateTestHeader($payload));
        self::assertInstanceOf(UnknownModel::class, $event);
        self::assertSame('robot.invented', $event->get('type'));
        foreach (['null', '42', '[1,2]', 'not json'] as $body) {
            try {
                $client->webhooks->unwrap($body, $client->webhooks->generateTestHeader($body));
                self::fail("unwrapped $body");
            } catch (WebhookSignatureException $error) {
                self::assertSame('invalid_payload', $error->getReason());
            }
        }
    }

    public function testANowOrToleranceThatIsNotAFiniteNumberIsAnArgumentErrorNotASignatureFailure(): void
    {
        $client = $this->client(['webhook_secret' => 'whsec_local']);
        $payload = '{"id":"evt_1","object":"event","type":"robot.invented","data":{}}';
        $header = $client->webhooks->generateTestHeader($payload, null, 1_700_000_000);
        $event = $client->webhooks->unwrap($payload, $header, null, 0.5, 1_700_000_000.25);
        self::assertSame('robot.invented', $event->get('type'));
        foreach ([[NAN, null], [INF, null], [null, NAN], [null, INF]] as [$tolerance, $now]) {
            try {
                $client->webhooks->unwrap($payload, $header, null, $tolerance, $now);
                self::fail('accepted a tolerance or time that is not a finite number');
            } catch (\InvalidArgumentException $error) {
                self::assertInstanceOf(\Embott\Exception\EmbottException::class, $error);
                self::assertStringContainsString('must be a finite number of seconds', $error->getMessage());
            }
        }
    }
}
