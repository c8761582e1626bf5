<?php

declare(strict_types=1);

namespace Embott\Core;

use Embott\Webhook\SignatureScheme;

/** Static facts about one generated SDK, passed by the generated client to BaseClient. */
final class SdkConfig
{
    /**
     * @param string $auth how the key is sent: "bearer", "header:<Name>", "query:<name>", "basic" or "none"
     * @param array<string, array{default: string, enum: list<string>}> $serverVariables
     *   `{name}` placeholders of the default base URL, each a client option
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
    ) {
    }
}
