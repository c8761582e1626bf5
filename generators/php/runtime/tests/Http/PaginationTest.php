<?php

declare(strict_types=1);

namespace Embott\Tests\Http;

use Embott\Exception\PaginationCycleException;
use Embott\Exception\SdkException;
use Embott\Pagination\Pagination;

final class PaginationTest extends ServerTestCase
{
    /** @return iterable<string, array{Pagination}> */
    public static function styles(): iterable
    {
        $cursor = new Pagination('cursor', cursorParam: 'cursor', nextCursor: 'next_cursor', hasMore: 'has_more');
        yield 'cursor' => [new Pagination('cursor', null, 'limit', 'cursor', 'next_cursor', 'has_more')];
        yield 'cursor without limit' => [$cursor];
        yield 'offset' => [new Pagination('offset', 'results.items', 'limit', offsetParam: 'offset', total: 'total')];
        yield 'page' => [new Pagination('page', limitParam: 'limit', pageParam: 'page', totalPages: 'total_pages')];
        yield 'link' => [new Pagination('link', limitParam: 'limit')];
    }

    /** @dataProvider styles */
    public function testWalksEveryItemOfEveryPageLazily(Pagination $pagination): void
    {
        $client = $this->client();
        $op = self::op('GET', "/pages/{$pagination->style}", ['limit', 'total', 'status']);
        $params = ['limit' => 10, 'total' => 25, 'status' => 'open'];
        $page = $client->callPage($op, $params, [], $pagination, static fn (array $raw): object => (object) $raw);
        self::assertCount(10, $page->data);
        self::assertTrue($page->hasNextPage());
        $ids = [];
        foreach ($page as $item) {
            $ids[] = $item->n;
            if ($pagination->style !== 'link') {
                self::assertSame('open', $item->filter, 'filters carry over to later pages');
            }
        }
        self::assertSame(range(0, 24), $ids);
        $last = $page->getNextPage()->getNextPage();
        self::assertCount(5, $last->data);
        self::assertFalse($last->hasNextPage());
        $this->expectException(SdkException::class);
        $last->getNextPage();
    }

    public function testFollowsTheLastItemsIdStripeStyleAndStopsWhenHasMoreIsFalse(): void
    {
        $pagination = new Pagination(
            'cursor',
            limitParam: 'limit',
            cursorParam: 'starting_after',
            hasMore: 'has_more',
            itemCursor: 'id',
        );
        $client = $this->client();
        $op = self::op('GET', '/pages/stripe', ['limit', 'total']);
        $page = $client->callPage($op, ['limit' => 10, 'total' => 20], [], $pagination, self::raw(...));
        self::assertTrue($page->hasNextPage());
        $second = $page->getNextPage();
        self::assertSame('item_10', $second->data[0]['id'], 'starting_after = the last item\'s id');
        self::assertCount(10, $second->data);
        self::assertFalse($second->hasNextPage(), 'has_more: false stops even after a full page');
        $ids = array_map(static fn (array $item): int => $item['n'], iterator_to_array($page, false));
        self::assertSame(range(0, 19), $ids);
    }

    public function testStopsOnACursorCycle(): void
    {
        $pagination = new Pagination('cursor', cursorParam: 'cursor', nextCursor: 'next_cursor', hasMore: 'has_more');
        $page = $this->client()->callPage(self::op('GET', '/pages/cycle'), [], [], $pagination, self::raw(...));
        $seen = 0;
        $this->expectException(PaginationCycleException::class);
        foreach ($page as $item) {
            self::assertLessThan(10, ++$seen);
        }
    }

    /**
     * @param array<mixed> $raw
     * @return array<mixed>
     */
    private static function raw(array $raw): array
    {
        return $raw;
    }

    public function testRefusesALinkToAnotherOrigin(): void
    {
        $op = self::op('GET', '/pages/foreign');
        $page = $this->client()->callPage($op, [], [], new Pagination('link'), self::raw(...));
        $this->expectException(SdkException::class);
        $this->expectExceptionMessage('another origin');
        $page->hasNextPage();
    }
}
