<?php

declare(strict_types=1);

namespace Embott\Core;

/** Base of every generated service (one per resource): it reaches the API through the client. */
abstract class Service
{
    public function __construct(protected readonly BaseClient $client)
    {
    }
}
