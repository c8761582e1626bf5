<?php

declare(strict_types=1);

namespace Embott\Tests\Support;

use Embott\Core\BaseClient;
use Embott\Core\Credential;
use Embott\Core\ErrorEnvelope;
use Embott\Core\SdkConfig;
use Embott\Webhook\SignatureScheme;

/** A client over the runtime alone that records its retry waits instead of sleeping. */
final class TestClient extends BaseClient
{
    /** @var list<float> */
    public array $sleeps = [];
    public float $fixedRandom = 0.5;
    public ?float $fixedNow = null;

    /**
     * @param string|array<string, mixed> $options
     * @param array<string, Credential> $credentials
     * @param list<list<string>>|null $security
     */
    public function __construct(
        string|array $options,
        string $auth = 'bearer',
        array $credentials = [],
        ?array $security = null,
    ) {
        parent::__construct($options, new SdkConfig(
            sdkName: 'embott',
            sdkVersion: '0.0.0-test',
            defaultBaseUrl: 'https://api.embott.com/v1',
            auth: $auth,
            apiKeyEnv: 'EMBOTT_API_KEY',
            baseUrlEnv: 'EMBOTT_TEST_BASE_URL',
            webhookSecretEnv: 'EMBOTT_WEBHOOK_SECRET',
            webhookScheme: new SignatureScheme(),
            serverVariables: [],
            credentials: $credentials,
            security: $security,
            errorEnvelope: new ErrorEnvelope(
                message: ['error', 'message'],
                code: ['error', 'code'],
                type: ['error', 'type'],
                param: ['error', 'param'],
                requestId: ['error', 'request_id'],
            ),
        ));
    }

    protected function sleep(float $seconds): void
    {
        $this->sleeps[] = $seconds;
    }

    protected function random(): float
    {
        return $this->fixedRandom;
    }

    protected function now(): float
    {
        return $this->fixedNow ?? microtime(true);
    }
}
