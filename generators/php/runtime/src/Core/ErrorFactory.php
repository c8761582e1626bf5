<?php

declare(strict_types=1);

namespace Embott\Core;

use Embott\Exception\ApiException;
use Embott\Exception\AuthenticationException;
use Embott\Exception\BadRequestException;
use Embott\Exception\ConflictException;
use Embott\Exception\InternalServerException;
use Embott\Exception\NotFoundException;
use Embott\Exception\PermissionDeniedException;
use Embott\Exception\RateLimitException;
use Embott\Exception\UnprocessableEntityException;

/** Builds the typed exception for an error response, with a message that says what happened and what to do. */
final class ErrorFactory
{
    private const CLASSES = [
        400 => BadRequestException::class,
        401 => AuthenticationException::class,
        403 => PermissionDeniedException::class,
        404 => NotFoundException::class,
        409 => ConflictException::class,
        422 => UnprocessableEntityException::class,
        429 => RateLimitException::class,
    ];

    private readonly ?string $apiKeyEnv;
    private readonly ErrorEnvelope $envelope;
    private readonly string $requestIdHeader;

    public function __construct(private readonly Redactor $redactor, SdkConfig $config)
    {
        $this->apiKeyEnv = $config->apiKeyEnv;
        $this->envelope = $config->errorEnvelope ?? new ErrorEnvelope();
        $this->requestIdHeader = strtolower($config->requestIdHeader);
    }

    /**
     * @param array<string, string> $headers lower-case names
     * @param float|null $overCap set when the server asked to wait longer than this cap, so no retry was made
     */
    public function fromResponse(
        int $status,
        array $headers,
        string $rawBody,
        ?string $idempotencyKey,
        int $retriesMade,
        float $now,
        ?float $overCap = null,
    ): ApiException {
        $decoded = json_decode($rawBody, true);
        $body = $this->redactor->value(is_array($decoded) ? $decoded : $rawBody);
        $headers = $this->redactor->headers($headers);
        $retryAfter = RetryPolicy::serverWait($headers, $now);
        $fields = $this->envelope->read($body);
        $requestId = $headers[$this->requestIdHeader] ?? $fields['requestId'];
        $class = self::CLASSES[$status] ?? ($status >= 500 ? InternalServerException::class : ApiException::class);
        $kind = $fields['type'] ?? "HTTP $status";
        $text = is_string($body) && $body !== '' ? self::excerpt($body) : 'no details';
        $detail = $fields['message'] ?? $text;
        $where = $requestId !== null ? " (request $requestId)" : '';
        $hint = $overCap !== null
            ? $this->overCapHint($retryAfter ?? 0.0, $overCap, $now, $retriesMade)
            : $this->hint($status, $fields['param'], $retryAfter, $retriesMade);
        $message = $this->redactor->text("$status $kind: $detail$where." . ($hint !== '' ? " $hint" : ''));
        return new $class(
            $message,
            $status,
            $headers,
            $body,
            $requestId,
            RateLimit::fromHeaders($headers, $retryAfter),
            $idempotencyKey,
            ['error' => $this->envelope->object($body)] + $fields,
        );
    }

    /**
     * The request id header of a response.
     *
     * @param array<string, string> $headers lower-case names
     */
    public function requestId(array $headers): ?string
    {
        return $headers[$this->requestIdHeader] ?? null;
    }

    /** The exception for an `error` event inside a stream. */
    public function fromStreamEvent(mixed $payload, array $headers): ApiException
    {
        $wrapped = is_array($payload) && isset($payload['error']) ? $payload : ['error' => $payload];
        $body = $this->redactor->value($wrapped);
        $error = is_array($body['error'] ?? null) ? $body['error'] : [];
        $kind = is_string($error['type'] ?? null) ? $error['type'] : 'error';
        $detail = is_string($error['message'] ?? null) ? $error['message'] : 'no details';
        $requestId = $headers[$this->requestIdHeader] ?? null;
        $where = $requestId !== null ? " (request $requestId)" : '';
        $message = $this->redactor->text("Stream error: $kind: $detail$where.");
        $fields = [
            'error' => $error,
            'message' => is_string($error['message'] ?? null) ? $error['message'] : null,
            'code' => self::stringOrNull($error['code'] ?? null),
            'type' => self::stringOrNull($error['type'] ?? null),
            'param' => self::stringOrNull($error['param'] ?? null),
        ];
        $headers = $this->redactor->headers($headers);
        return new ApiException($message, null, $headers, $body, $requestId, null, null, $fields);
    }

    private function hint(int $status, ?string $param, ?float $retryAfter, int $retriesMade): string
    {
        $param = $param !== null ? " (parameter \"$param\")" : '';
        $retried = $retriesMade > 0 ? " after $retriesMade retries" : '';
        return match (true) {
            $status === 400, $status === 422 => "Fix the request$param and try again.",
            $status === 401 => 'Check your API key' . ($this->apiKeyEnv !== null ? " ({$this->apiKeyEnv})" : '') . '.',
            $status === 403 => 'The API key lacks the permission (scope) this operation needs; use a key that has it.',
            $status === 404 => "Check the id and that it belongs to this API key's workspace.",
            $status === 409 => 'The resource\'s state conflicts with the request '
                . '(or an Idempotency-Key was reused with another body).',
            $status === 429 => 'Retry after ' . ($retryAfter !== null ? self::seconds($retryAfter) : 'a few')
                . " s or lower your request rate$retried.",
            $status >= 500 => "Server error$retried; try again later.",
            default => '',
        };
    }

    private function overCapHint(float $wait, float $cap, float $now, int $retriesMade): string
    {
        $at = gmdate('Y-m-d\TH:i:s\Z', (int) ceil($now + $wait));
        return sprintf(
            'The server asked to wait %d s (until %s), longer than max_retry_after (%s s), so the request was not '
                . 'retried%s: retry after that time or raise max_retry_after.',
            (int) ceil($wait),
            $at,
            self::seconds($cap),
            $retriesMade > 0 ? ' again' : '',
        );
    }

    private static function stringOrNull(mixed $value): ?string
    {
        return is_string($value) ? $value : null;
    }

    private static function seconds(float $value): string
    {
        return rtrim(rtrim(number_format($value, 3, '.', ''), '0'), '.');
    }

    private static function excerpt(string $text): string
    {
        $text = trim($text);
        return strlen($text) > 500 ? mb_strcut($text, 0, 500, 'UTF-8') . '…' : $text;
    }
}
