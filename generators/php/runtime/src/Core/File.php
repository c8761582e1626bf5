<?php

declare(strict_types=1);

namespace Embott\Core;

use Embott\Exception\InvalidArgumentException;

/** A file to upload (a multipart part, or a binary body): its bytes, name and content type. */
final class File
{
    public function __construct(
        public readonly string $contents,
        public readonly ?string $filename = null,
        public readonly ?string $contentType = null,
    ) {
    }

    public static function fromPath(string $path, ?string $contentType = null): self
    {
        $contents = is_file($path) && is_readable($path) ? file_get_contents($path) : false;
        if ($contents === false) {
            throw new InvalidArgumentException("Cannot read the file \"$path\".", 'file');
        }
        return new self($contents, basename($path), $contentType);
    }
}
