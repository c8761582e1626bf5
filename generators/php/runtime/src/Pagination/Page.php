<?php

declare(strict_types=1);

namespace Embott\Pagination;

use Embott\Exception\PaginationCycleException;
use Embott\Exception\SdkException;

/**
 * One page of a list. `$page->data` holds this page's items; `foreach ($page as $item)` walks every item of this
 * page and the following ones, fetching each next page only when needed (a Generator: memory stays constant).
 *
 * @template TItem
 * @implements \IteratorAggregate<int, TItem>
 */
final class Page implements \IteratorAggregate
{
    /** @var list<TItem> */
    public readonly array $data;

    /**
     * @param \Closure(string, array<string, mixed>): array{0: mixed, 1: array<string, string>} $load
     * @param \Closure(array<mixed>): TItem $item
     * @param array<string, mixed> $query the query this page was requested with
     * @param array<string, string> $headers this page's response headers
     * @param array<string, true> $seen the pages (path and query) before this one
     */
    public function __construct(
        private readonly Pagination $pagination,
        private readonly \Closure $load,
        private readonly \Closure $item,
        private readonly string $path,
        private readonly array $query,
        public readonly mixed $body,
        private readonly array $headers,
        private readonly string $baseUrl,
        private readonly array $seen = [],
    ) {
        $items = PageStyles::items($body, $pagination);
        $this->data = array_map(static fn (mixed $raw): mixed => is_array($raw) ? $item($raw) : $raw, $items);
    }

    public function hasNextPage(): bool
    {
        return $this->next() !== null;
    }

    /**
     * @return self<TItem>
     * @throws PaginationCycleException when the server sends a cursor or link already followed
     */
    public function getNextPage(): self
    {
        $next = $this->next();
        if ($next === null) {
            throw new SdkException('This is the last page: check hasNextPage() before calling getNextPage().');
        }
        [$path, $query] = $next;
        $seen = $this->seen + [self::identity($this->path, $this->query) => true];
        $token = self::identity($path, $query);
        if (isset($seen[$token])) {
            throw new PaginationCycleException(
                "The server sent a pagination cursor or link that was already followed ($token): "
                    . 'following it would loop forever.',
            );
        }
        [$body, $headers] = ($this->load)($path, $query);
        $item = $this->item;
        return new self($this->pagination, $this->load, $item, $path, $query, $body, $headers, $this->baseUrl, $seen);
    }

    /** @return \Generator<int, self<TItem>> this page and every following one */
    public function pages(): \Generator
    {
        $page = $this;
        yield $page;
        while ($page->hasNextPage()) {
            $page = $page->getNextPage();
            yield $page;
        }
    }

    /** @return \Generator<int, TItem> */
    public function getIterator(): \Generator
    {
        foreach ($this->pages() as $page) {
            yield from $page->data;
        }
    }

    /** @return array{string, array<string, mixed>}|null path and query of the next page */
    private function next(): ?array
    {
        return PageStyles::next(
            $this->pagination,
            $this->path,
            $this->query,
            $this->body,
            $this->headers,
            count($this->data),
            $this->baseUrl,
        );
    }

    /** @param array<string, mixed> $query */
    private static function identity(string $path, array $query): string
    {
        ksort($query);
        return $path . '?' . http_build_query($query);
    }
}
