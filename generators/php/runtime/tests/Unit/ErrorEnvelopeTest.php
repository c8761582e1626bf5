<?php

declare(strict_types=1);

namespace Embott\Tests\Unit;

use Embott\Core\BaseClient;
use Embott\Core\ErrorEnvelope;
use Embott\Core\Operation;
use Embott\Core\SdkConfig;
use Embott\Exception\ConflictException;
use Embott\Exception\UnprocessableEntityException;
use Embott\Http\Response;
use Embott\Tests\Support\RecordingTransport;
use PHPUnit\Framework\TestCase;

/** Error fields are read where the API's envelope keeps them; the retried statuses are the API's. */
final class ErrorEnvelopeTest extends TestCase
{
    public function testFieldsAreReadThroughTheEnvelopesPaths(): void
    {
        $body = '{"detail":"name must not be empty","code":"invalid_name","field":"name","trace_id":"trace_9"}';
        $client = self::client([new Response(422, [], $body)], self::flat());
        try {
            $client->call(new Operation('widgets.create', 'POST', '/widgets'), []);
            self::fail('no exception');
        } catch (UnprocessableEntityException $error) {
            self::assertSame(422, $error->getStatusCode());
            self::assertSame('invalid_name', $error->getErrorCode());
            self::assertSame('name', $error->getParam());
            self::assertNull($error->getErrorType());
            self::assertSame('trace_9', $error->getRequestId());
            self::assertSame('name must not be empty', $error->getErrorMessage());
            $message = $error->getMessage();
            self::assertStringContainsString('422 HTTP 422: name must not be empty (request trace_9).', $message);
            self::assertStringContainsString('Fix the request (parameter "name")', $error->getMessage());
            self::assertSame(json_decode($body, true), $error->getError());
        }
    }

    public function testTheRequestIdHeaderWinsOverTheBodys(): void
    {
        $body = '{"detail":"widget exists","code":"conflict","trace_id":"trace_1"}';
        $client = self::client([new Response(409, ['x-trace-id' => 'req_7'], $body)], self::flat());
        try {
            $client->call(new Operation('widgets.create', 'POST', '/widgets'), []);
            self::fail('no exception');
        } catch (ConflictException $error) {
            self::assertSame('req_7', $error->getRequestId());
            self::assertSame('conflict', $error->getErrorCode());
        }
    }

    public function testWithoutAnEnvelopeTheBodyIsNotMisreadAsEmbotts(): void
    {
        $body = '{"error":{"message":"looks like embott","code":"x"}}';
        $client = self::client([new Response(400, [], $body)], null);
        try {
            $client->call(new Operation('widgets.create', 'POST', '/widgets'), []);
            self::fail('no exception');
        } catch (\Embott\Exception\BadRequestException $error) {
            self::assertNull($error->getErrorCode());
            self::assertNull($error->getError());
            self::assertStringContainsString('400 HTTP 400: no details.', $error->getMessage());
        }
    }

    public function testTheApisRetryStatusesAreRetried(): void
    {
        $transport = new RecordingTransport([new Response(425, [], ''), new Response(200, [], '{"ok":true}')]);
        $client = self::client([], new ErrorEnvelope(), $transport);
        self::assertSame(['ok' => true], $client->call(new Operation('w.get', 'GET', '/w'), []));
        self::assertCount(2, $transport->requests);

        $transport = new RecordingTransport([new Response(429, [], '')]);
        $client = self::client([], new ErrorEnvelope(), $transport);
        $this->expectException(\Embott\Exception\RateLimitException::class);
        $client->call(new Operation('w.get', 'GET', '/w'), []);
    }

    private static function flat(): ErrorEnvelope
    {
        return new ErrorEnvelope(message: ['detail'], code: ['code'], param: ['field'], requestId: ['trace_id']);
    }

    /** @param list<Response> $responses */
    private static function client(
        array $responses,
        ?ErrorEnvelope $envelope,
        ?RecordingTransport $transport = null,
    ): BaseClient {
        $config = new SdkConfig(
            sdkName: 'widgets',
            sdkVersion: '0.0.0-test',
            defaultBaseUrl: 'https://api.example.com',
            auth: 'none',
            errorEnvelope: $envelope,
            requestIdHeader: 'x-trace-id',
            retryStatuses: [425],
            minServerErrorStatus: 500,
        );
        $options = ['http_client' => $transport ?? new RecordingTransport($responses), 'max_retries' => 1];
        return new class ($options, $config) extends BaseClient {
            protected function sleep(float $seconds): void
            {
            }
        };
    }
}
