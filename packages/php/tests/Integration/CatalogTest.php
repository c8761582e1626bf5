<?php

declare(strict_types=1);

namespace Embott\Tests\Integration;

use Embott\Exception\ConflictException;
use Embott\Exception\UnprocessableEntityException;
use Embott\Model\AnalyticsOverview;
use Embott\Model\Lead;
use Embott\Model\LeadExport;
use Embott\Model\Product;
use Embott\Model\ProductSync;
use Embott\Tests\Support\MockTestCase;

/** Leads, products and analytics: every remaining operation. */
final class CatalogTest extends MockTestCase
{
    public function testLeadsListGetAndExportOnce(): void
    {
        $client = $this->client();
        $leads = iterator_to_array($client->leads->list(['limit' => 1]), false);
        self::assertContainsOnlyInstancesOf(Lead::class, $leads);
        self::assertGreaterThanOrEqual(2, count($leads));
        $lead = $client->leads->get(['lead_id' => $leads[0]->id]);
        self::assertSame($leads[0]->id, $lead->id);
        $export = $client->leads->export(['lead_id' => $lead->id, 'destination' => 'hubspot']);
        self::assertInstanceOf(LeadExport::class, $export);
        $this->expectException(ConflictException::class);
        $client->leads->export(['lead_id' => $lead->id, 'destination' => 'hubspot']);
    }

    public function testProductsListAndSync(): void
    {
        $client = $this->client();
        $products = iterator_to_array($client->products->list(['limit' => 2]), false);
        self::assertContainsOnlyInstancesOf(Product::class, $products);
        self::assertNotEmpty($products);
        $sync = $client->products->sync(['bot_id' => 'bot_seed0001', 'full' => true]);
        self::assertInstanceOf(ProductSync::class, $sync);
    }

    public function testAnalyticsOverviewAndASemanticError(): void
    {
        $client = $this->client();
        $overview = $client->analytics->overview(['start_date' => '2026-01-01', 'end_date' => '2026-01-31']);
        self::assertInstanceOf(AnalyticsOverview::class, $overview);
        $range = ['start_date' => new \DateTimeImmutable('2026-01-01'), 'end_date' => new \DateTime('2026-01-31')];
        self::assertInstanceOf(AnalyticsOverview::class, $client->analytics->overview($range));
        $sent = self::$mock->requests(['path' => '/v1/analytics/overview']);
        self::assertSame(['start_date' => '2026-01-01', 'end_date' => '2026-01-31'], end($sent)['query']);
        $this->expectException(UnprocessableEntityException::class);
        $client->analytics->overview(['start_date' => '2026-02-01', 'end_date' => '2026-01-01']);
    }
}
