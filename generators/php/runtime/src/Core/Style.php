<?php

declare(strict_types=1);

namespace Embott\Core;

/**
 * How one parameter is written on the wire (OpenAPI `style`/`explode`/`allowReserved`, and a multipart part's
 * content type). Generated code passes one only where the spec departs from the location's default.
 */
final class Style
{
    public function __construct(
        /** form, simple, label, matrix, spaceDelimited, pipeDelimited or deepObject. */
        public readonly string $style = 'form',
        public readonly bool $explode = true,
        /** Query only: RFC 3986 reserved characters are sent unencoded. */
        public readonly bool $allowReserved = false,
        /** Multipart only: the part's content type. */
        public readonly ?string $contentType = null,
    ) {
    }
}
