<?php

declare(strict_types=1);

namespace Embott\Tests\Support;

use Embott\Http\Request;
use Embott\Http\Response;
use Embott\Http\Transport;

/** A transport that records each request and answers with the scripted responses in turn (then 200 `{}`). */
final class RecordingTransport implements Transport
{
    /** @var list<Request> */
    public array $requests = [];

    /** @param list<Response> $responses */
    public function __construct(private array $responses = [])
    {
    }

    public function send(Request $request): Response
    {
        $this->requests[] = $request;
        return array_shift($this->responses) ?? new Response(200, [], '{}');
    }
}
