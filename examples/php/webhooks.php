<?php

declare(strict_types=1);

require __DIR__ . '/vendor/autoload.php';

use Embott\Client;
use Embott\Exception\WebhookSignatureException;
use Embott\Model\LeadCapturedEvent;

// In your webhook endpoint: verify the raw body against the Embott-Signature header, then use the typed event.
// Here the delivery is built with generateTestHeader(), as a test of your handler would.
$client = new Client(['api_key' => getenv('EMBOTT_API_KEY'), 'webhook_secret' => 'whsec_example_secret']);
$lead = $client->leads->list(['limit' => 1])->data[0];
$payload = json_encode([
    'id' => 'evt_example',
    'object' => 'event',
    'type' => 'lead.captured',
    'created_at' => '2026-12-02T00:00:00Z',
    'api_version' => '2026-11-01',
    'data' => $lead->toArray(),
], JSON_THROW_ON_ERROR);
$headers = ['Embott-Signature' => $client->webhooks->generateTestHeader($payload)];

$event = $client->webhooks->unwrap($payload, $headers);
if ($event instanceof LeadCapturedEvent) {
    echo "lead captured: {$event->data->id} ({$event->data->email})\n";
}

try {
    $client->webhooks->verify(str_replace('evt_example', 'evt_forged', $payload), $headers);
} catch (WebhookSignatureException $error) {
    echo "tampered delivery rejected: {$error->getReason()}\n";
}
