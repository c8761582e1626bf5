import type { Namespaces } from "./model-file";
import {
  assignNew,
  docBlock,
  fileHeader,
  fitted,
  phpArray,
  phpList,
  phpString,
  useLines,
} from "./php-source";
import type { PhpSdk } from "./view";

/** The client: its options documented as an array shape, the SDK's static facts, one property per service. */
export function clientFile(sdk: PhpSdk, ns: Namespaces, specFile: string): string {
  const uses = [
    `${ns.root}\\Core\\BaseClient`,
    `${ns.root}\\Core\\SdkConfig`,
    ...sdk.services.map((service) => `${ns.service}\\${service.className}`),
  ];
  if (sdk.webhookScheme) uses.push(`${ns.root}\\Webhook\\SignatureScheme`);
  if (sdk.credentials.length > 0) uses.push(`${ns.root}\\Core\\Credential`);
  if (sdk.errorEnvelope) uses.push(`${ns.root}\\Core\\ErrorEnvelope`);
  const properties = sdk.services.map((service) => {
    const doc = docBlock(4, [service.description]);
    return `${doc}${fitted(`    public readonly ${service.className} $${service.property};`)}\n`;
  });
  const assignments = sdk.services.map(
    (service) => `${assignNew(8, service.property, service.className, "$this")}\n`,
  );
  const optionLines = [
    ...(sdk.auth === "none" ? [] : [`    api_key?: string,`]),
    ...sdk.credentials.map((credential) => `    ${credential.option}?: string,`),
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
  const rest = `base_url${urlEnv}; max_retries (default 2); timeout in seconds per attempt (default 60); max_retry_after, the longest server-requested wait before a retry (default 60 s); http_client, your own Transport; default_headers; logger, any PSR-3 logger.`;
  const credentials = sdk.credentials.map(
    (credential) => `${credential.option} (default: the ${credential.env} environment variable)`,
  );
  const intro =
    sdk.auth === "none"
      ? `Pass an options array: ${rest}`
      : `Pass your API key${keyEnv}, or an options array: ${credentials.length > 0 ? `api_key, ${credentials.join(", ")}; ` : ""}${rest}`;
  const security =
    sdk.security && sdk.security.length > 0
      ? `Each request sends the first of these the client holds: ${sdk.security.map((alternative) => (alternative.length === 0 ? "nothing" : alternative.join(" + "))).join(", or ")}.`
      : undefined;
  const doc = docBlock(
    4,
    [intro, security],
    [`@param string|array{`, ...optionLines.map((line) => ` ${line}`), "} $options"],
  );
  return `${fileHeader(specFile, ns.root)}
${useLines(uses)}${docBlock(0, [`The ${sdk.apiTitle} client (API version ${sdk.apiVersion}).`, `Every service is a property: \`$client->bots->list()\`. Failed calls throw exceptions implementing Exception\\${sdk.namespace}Exception.`])}class ${sdk.clientClass} extends BaseClient
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
  if (sdk.credentials.length > 0) {
    const entries = sdk.credentials.map(
      (credential) =>
        `                ${phpString(credential.option)} => new Credential(${phpString(credential.placement)}, ${phpString(credential.env)}),\n`,
    );
    args.push(["credentials", `[\n${entries.join("")}            ]`]);
  }
  if (sdk.security) args.push(["security", phpArray(sdk.security.map(phpList), 12, "security: ".length)]);
  const envelope = sdk.errorEnvelope;
  if (envelope) {
    const fields = (["message", "code", "type", "param", "requestId"] as const).flatMap((field) => {
      const path = envelope[field];
      return path ? [`                ${field}: ${phpList(path)},\n`] : [];
    });
    args.push(["errorEnvelope", `new ErrorEnvelope(\n${fields.join("")}            )`]);
  }
  if (sdk.requestIdHeader !== "x-request-id") args.push(["requestIdHeader", phpString(sdk.requestIdHeader)]);
  const statuses = sdk.retry.statuses;
  if (statuses.join() !== "408,429") args.push(["retryStatuses", `[${statuses.join(", ")}]`]);
  if (sdk.retry.minServerErrorStatus !== 500)
    args.push(["minServerErrorStatus", String(sdk.retry.minServerErrorStatus)]);
  return args.map(([name, value]) => `            ${name}: ${value},\n`).join("");
}
