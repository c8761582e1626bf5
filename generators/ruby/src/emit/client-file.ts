import type { GeneratedFile } from "@embott/codegen-core";
import { docLines, tagLines } from "./docs";
import { writeExpr } from "./expression";
import { withHeader } from "./header";
import { rubyString } from "./literals";
import { RubyWriter } from "./ruby-writer";
import type { RubySdk } from "./sdk-view";

/** lib/<libDir>/client.rb: the client class, its configuration and one reader per top-level service. */
export function clientFile(sdk: RubySdk, specFile: string): GeneratedFile {
  const out = new RubyWriter();
  const root = sdk.moduleName;
  const config = sdk.config;
  out.block(`module ${root}`, () => {
    const intro = docLines(
      `Client of the ${sdk.title}. Thread-safe: share one per process.`,
      out.indentWidth,
    );
    out.comment([...intro, "", "@example", ...exampleLines(sdk)]);
    out.block(`class Client < ::${root}::BaseClient`, () => {
      out.comment(["What the runtime needs to know about this API."]);
      const entries: string[] = [
        `sdk_name: ${rubyString(sdk.sdkName)}`,
        `version: ${root}::VERSION`,
        `client_name: ${rubyString(`${root}::Client`)}`,
        `api_key_env: ${config.apiKeyEnv ? rubyString(config.apiKeyEnv) : "nil"}`,
        `base_url_env: ${config.baseUrlEnv ? rubyString(config.baseUrlEnv) : "nil"}`,
        `webhook_secret_env: ${config.webhookSecretEnv ? rubyString(config.webhookSecretEnv) : "nil"}`,
        `default_base_url: ${rubyString(config.defaultBaseUrl)}`,
        `server_variables: ${serverVariables(sdk)}`,
        `auth: { kind: :${config.auth.kind}${config.auth.name ? `, name: ${rubyString(config.auth.name)}` : ""} }`,
        `webhook_scheme: ${webhookScheme(sdk)}`,
      ];
      writeExpr(out, { open: "CONFIG = {", items: entries, close: "}.freeze" });
      out.line();
      initializer(out, sdk);
      for (const service of sdk.services) {
        out.line();
        const summary = service.description
          ? service.description.split("\n")[0]
          : `The ${service.reader} endpoints.`;
        out.comment(tagLines(`@return [Services::${service.className}] `, summary ?? "", out.indentWidth));
        out.block(`def ${service.reader}`, () => {
          const assignment = `@${service.reader} ||= Services::${service.className}.new(self)`;
          if (out.indentWidth + assignment.length <= 120) out.line(assignment);
          else out.lines([`@${service.reader} ||=`, `  Services::${service.className}.new(self)`]);
        });
      }
    });
  });
  return { path: `lib/${sdk.libDir}/client.rb`, contents: withHeader(out.toString(), specFile) };
}

function exampleLines(sdk: RubySdk): string[] {
  const key = sdk.config.apiKeyEnv ? `ENV.fetch(${rubyString(sdk.config.apiKeyEnv)})` : '"..."';
  return [`  client = ${sdk.moduleName}::Client.new(api_key: ${key})`];
}

function serverVariables(sdk: RubySdk): string {
  const variables = sdk.config.serverVariables;
  if (variables.length === 0) return "{}";
  const entries = variables.map((variable) => {
    const values = variable.enum ? `, enum: [${variable.enum.map(rubyString).join(", ")}]` : "";
    return `${variable.name}: { default: ${rubyString(variable.default)}${values} }`;
  });
  return `{ ${entries.join(", ")} }`;
}

function webhookScheme(sdk: RubySdk): string {
  const scheme = sdk.config.webhookScheme;
  if (!scheme) return "nil";
  const entries = [
    `header: ${rubyString(scheme.header)}`,
    `scheme: ${rubyString(scheme.scheme)}`,
    `encoding: ${rubyString(scheme.encoding)}`,
    scheme.prefix !== undefined ? `prefix: ${rubyString(scheme.prefix)}` : undefined,
    scheme.tolerance !== undefined ? `tolerance: ${scheme.tolerance}` : undefined,
  ].filter(Boolean);
  return `{ ${entries.join(", ")} }`;
}

function initializer(out: RubyWriter, sdk: RubySdk): void {
  const config = sdk.config;
  const variables = config.serverVariables;
  const docs: string[] = [
    `@param api_key [String, nil] your API key${config.apiKeyEnv ? ` (default: \`ENV["${config.apiKeyEnv}"]\`)` : ""}`,
    `@param base_url [String, nil] the API's base URL${config.baseUrlEnv ? ` (default: \`ENV["${config.baseUrlEnv}"]\`, else` : " (default:"}`,
    `  ${rubyString(config.defaultBaseUrl)})`,
    ...variables.map(
      (variable) =>
        `@param ${variable.keyword} [String, nil] ${variable.description ? `${variable.description.trim().split("\n")[0]} ` : ""}(default ${rubyString(variable.default)}${variable.enum ? `; one of ${variable.enum.join(", ")}` : ""})`,
    ),
    "@param max_retries [Integer] retries after the first attempt (default 2)",
    "@param timeout [Numeric] seconds per read, and between two stream events (default 60)",
    "@param open_timeout [Numeric] seconds to connect (default 10)",
    "@param max_retry_after [Numeric] longest server-requested wait honoured; longer gives up at once (default 60)",
    "@param logger [Logger, nil] receives debug lines (method, URL, status, timing), secrets removed",
    "@param default_headers [Hash{String => String}] sent with every request",
    "@param webhook_secret [String, nil] default secret for `webhooks.verify` and `webhooks.unwrap`",
    "@raise [ArgumentError] when the configuration is unusable (no API key, a base URL without scheme, ...)",
  ];
  out.comment(docs);
  const params = [
    "api_key: nil",
    "base_url: nil",
    ...variables.map((variable) => `${variable.keyword}: nil`),
    "max_retries: DEFAULT_MAX_RETRIES",
    "timeout: DEFAULT_TIMEOUT",
    "open_timeout: DEFAULT_OPEN_TIMEOUT",
    "max_retry_after: DEFAULT_MAX_RETRY_AFTER",
    "logger: nil",
    "default_headers: {}",
    "webhook_secret: nil",
  ];
  writeExpr(out, { open: "def initialize(", items: params, close: ")" });
  out.indented(() => {
    const servers = variables.map((variable) => `${variable.name}: ${variable.keyword}`).join(", ");
    const args = [
      "CONFIG",
      "api_key: api_key",
      "base_url: base_url",
      "max_retries: max_retries",
      "timeout: timeout",
      "open_timeout: open_timeout",
      "max_retry_after: max_retry_after",
      "logger: logger",
      "default_headers: default_headers",
      "webhook_secret: webhook_secret",
      `server_variables: ${servers ? `{ ${servers} }.compact` : "{}"}`,
    ];
    writeExpr(out, { open: "super(", items: args, close: ")" });
  });
  out.line("end");
}
