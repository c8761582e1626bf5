<?php

declare(strict_types=1);

namespace Embott\Core;

use Embott\Webhook\SignatureScheme;

/** Static facts about one generated SDK, passed by the generated client to BaseClient. */
final class SdkConfig
{
    /**
     * @param string $auth how the `api_key` option is sent: "bearer", "header:<Name>", "query:<name>",
     *   "cookie:<name>", "basic" or "none" (the API takes no key: the client has no `api_key` option)
     * @param array<string, array{default: string, enum: list<string>}> $serverVariables
     *   `{name}` placeholders of the default base URL, each a client option
     * @param array<string, Credential> $credentials further credential options by option name (`auth_email`)
     * @param list<list<string>>|null $security the API's security alternatives as option names; null: `api_key`
     *   alone (none when `$auth` is "none")
     * @param ErrorEnvelope|null $errorEnvelope where error bodies keep their fields; null: they have none
     * @param list<int> $retryStatuses statuses below `$minServerErrorStatus` that are retried
     */
    public function __construct(
        public readonly string $sdkName,
        public readonly string $sdkVersion,
        public readonly string $defaultBaseUrl,
        public readonly string $auth = 'bearer',
        public readonly ?string $apiKeyEnv = null,
        public readonly ?string $baseUrlEnv = null,
        public readonly ?string $webhookSecretEnv = null,
        public readonly ?SignatureScheme $webhookScheme = null,
        public readonly array $serverVariables = [],
        public readonly array $credentials = [],
        public readonly ?array $security = null,
        public readonly ?ErrorEnvelope $errorEnvelope = null,
        public readonly string $requestIdHeader = 'x-request-id',
        public readonly array $retryStatuses = [408, 429],
        public readonly int $minServerErrorStatus = 500,
    ) {
    }

    /** @return array<string, Credential> every credential option, `api_key` first */
    public function credentialSchemes(): array
    {
        $primary = $this->auth === 'none' ? [] : ['api_key' => new Credential($this->auth, $this->apiKeyEnv)];
        return $primary + $this->credentials;
    }

    /** @return list<list<string>> the API's security alternatives as option names */
    public function rootSecurity(): array
    {
        return $this->security ?? ($this->auth === 'none' ? [] : [['api_key']]);
    }
}
