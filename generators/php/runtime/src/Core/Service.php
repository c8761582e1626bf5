<?php

declare(strict_types=1);

namespace Embott\Core;

use Embott\Exception\SdkException;

/** Base of every generated service (one per resource): it reaches the API through the client. */
abstract class Service
{
    public function __construct(protected readonly BaseClient $client)
    {
    }

    /**
     * The decoded body of a call that returns an object.
     *
     * @return array<string, mixed>
     */
    protected function object(mixed $data): array
    {
        if (!is_array($data)) {
            $type = get_debug_type($data);
            throw new SdkException("Expected a JSON object in the response, got $type.");
        }
        return $data;
    }
}
