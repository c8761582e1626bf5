<?php

declare(strict_types=1);

namespace Embott\Pagination;

/**
 * How a list operation pages (the spec's `x-embott-pagination`), in one of four styles:
 * cursor (`cursorParam` ← body's `nextCursor`, or Stripe style the `itemCursor` field of the page's last item;
 * stopping when `hasMore` is false), offset (`offsetParam` +=
 * items, up to `total`), page (`pageParam` + 1, up to `totalPages`) and link (the body's `nextUrl` or the `Link`
 * header's rel="next"). `items` is the dotted path of the page's items (default `data`).
 */
final class Pagination
{
    public function __construct(
        public readonly string $style,
        public readonly ?string $items = null,
        public readonly ?string $limitParam = null,
        public readonly ?string $cursorParam = null,
        public readonly ?string $nextCursor = null,
        public readonly ?string $hasMore = null,
        public readonly ?string $offsetParam = null,
        public readonly ?string $total = null,
        public readonly ?string $pageParam = null,
        public readonly ?string $totalPages = null,
        public readonly int $startPage = 1,
        public readonly ?string $nextUrl = null,
        public readonly ?string $itemCursor = null,
    ) {
        if (!in_array($style, ['cursor', 'offset', 'page', 'link'], true)) {
            throw new \Embott\Exception\InvalidArgumentException("Unknown pagination style \"$style\".");
        }
    }
}
