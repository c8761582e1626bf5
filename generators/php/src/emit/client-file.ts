import type { Namespaces } from "./model-file";
import { assignNew, docBlock, fileHeader, fitted, phpString, useLines } from "./php-source";
import type { PhpSdk } from "./view";

/** The client: its options documented as an array shape, the SDK's static facts, one property per service. */
export function clientFile(sdk: PhpSdk, ns: Namespaces, specFile: string): string {
  const uses = [
    `${ns.root}\\Core\\BaseClient`,
    `${ns.root}\\Core\\SdkConfig`,
    ...sdk.services.map((service) => `${ns.service}\\${service.className}`),
  ];
  if (sdk.webhookScheme) uses.push(`${ns.root}\\Webhook\\SignatureScheme`);
  const properties = sdk.services.map((service) => {
    const doc = docBlock(4, [service.description]);
    return `${doc}${fitted(`    public readonly ${service.className} $${service.property};`)}\n`;
  });
  const assignments = sdk.services.map(
    (service) => `${assignNew(8, service.property, service.className, "$this")}\n`,
  );
  const optionLines = [
    `    api_key?: string,`,
    `    base_url?: string,`,
    ...sdk.serverVariables.map(
      (variable) =>
        `    ${variable.option}?: ${variable.enum.length > 0 ? variable.enum.map(phpString).join("|") : "string"},`,
    ),
    `    max_retries?: int,`,
    `    timeout?: float,`,
    `    max_retry_after?: float,`,
    `    http_client?: \\${ns.root}\\Http\\Transport,`,
    `    default_headers?: array<string, string>,`,
    `    logger?: object,`,
    ...(sdk.webhookScheme ? [`    webhook_secret?: string,`] : []),
  ];
  const keyEnv = sdk.apiKeyEnv ? ` (default: the ${sdk.apiKeyEnv} environment variable)` : "";
  const urlEnv = sdk.baseUrlEnv ? `, else ${sdk.baseUrlEnv}, else ${sdk.defaultBaseUrl}` : "";
  const doc = docBlock(
    4,
    [
      `Pass your API key${keyEnv}, or an options array: base_url${urlEnv}; max_retries (default 2); timeout in seconds per attempt (default 60); max_retry_after, the longest server-requested wait before a retry (default 60 s); http_client, your own Transport; default_headers; logger, any PSR-3 logger.`,
    ],
    [`@param string|array{`, ...optionLines.map((line) => ` ${line}`), "} $options"],
  );
  return `${fileHeader(specFile, ns.root)}
${useLines(uses)}${docBlock(0, [`The ${sdk.apiTitle} client (API version ${sdk.apiVersion}).`, "Every service is a property: `$client->bots->list()`. Failed calls throw exceptions implementing Exception\\EmbottException."])}class ${sdk.clientClass} extends BaseClient
{
    /** Version of this SDK. */
    public const VERSION = ${phpString(sdk.sdkVersion)};

${properties.join("\n")}
${doc}    public function __construct(#[\\SensitiveParameter] string|array $options = [])
    {
        parent::__construct($options, new SdkConfig(
${sdkConfigArgs(sdk)}        ));
${assignments.join("")}    }
}
`;
}

function sdkConfigArgs(sdk: PhpSdk): string {
  const args: [string, string][] = [
    ["sdkName", phpString(sdk.sdkName)],
    ["sdkVersion", "self::VERSION"],
    ["defaultBaseUrl", phpString(sdk.defaultBaseUrl)],
    ["auth", phpString(sdk.auth)],
  ];
  if (sdk.apiKeyEnv) args.push(["apiKeyEnv", phpString(sdk.apiKeyEnv)]);
  if (sdk.baseUrlEnv) args.push(["baseUrlEnv", phpString(sdk.baseUrlEnv)]);
  if (sdk.webhookSecretEnv) args.push(["webhookSecretEnv", phpString(sdk.webhookSecretEnv)]);
  const scheme = sdk.webhookScheme;
  if (scheme) {
    const fields = [
      `header: ${phpString(scheme.header)}`,
      `scheme: ${phpString(scheme.scheme)}`,
      `encoding: ${phpString(scheme.encoding)}`,
      ...(scheme.prefix ? [`prefix: ${phpString(scheme.prefix)}`] : []),
      `tolerance: ${scheme.tolerance}`,
    ];
    args.push([
      "webhookScheme",
      `new SignatureScheme(\n                ${fields.join(",\n                ")},\n            )`,
    ]);
  }
  if (sdk.serverVariables.length > 0) {
    const entries = sdk.serverVariables.map(
      (variable) =>
        `                ${phpString(variable.option)} => ['default' => ${phpString(variable.default)}, 'enum' => [${variable.enum.map(phpString).join(", ")}]],\n`,
    );
    args.push(["serverVariables", `[\n${entries.join("")}            ]`]);
  }
  return args.map(([name, value]) => `            ${name}: ${value},\n`).join("");
}
