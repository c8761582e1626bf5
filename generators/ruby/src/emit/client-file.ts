import type { GeneratedFile } from "@embott/codegen-core";
import { alternativesLiteral } from "./credentials";
import { docLines, tagLines } from "./docs";
import { type Expr, writeExpr } from "./expression";
import { withHeader } from "./header";
import { rubyString } from "./literals";
import { RubyWriter } from "./ruby-writer";
import type { RubyCredential, RubySdk } from "./sdk-view";

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
      const entries: Expr[] = [
        `sdk_name: ${rubyString(sdk.sdkName)}`,
        `version: ${root}::VERSION`,
        `client_name: ${rubyString(`${root}::Client`)}`,
        `base_url_env: ${config.baseUrlEnv ? rubyString(config.baseUrlEnv) : "nil"}`,
        `webhook_secret_env: ${config.webhookSecretEnv ? rubyString(config.webhookSecretEnv) : "nil"}`,
        `default_base_url: ${rubyString(config.defaultBaseUrl)}`,
        `server_variables: ${serverVariables(sdk)}`,
        credentialsExpr(config.credentials),
        `security: ${alternativesLiteral(config.security)}`,
        errorEnvelopeExpr(sdk),
        `request_id_header: ${rubyString(config.requestIdHeader)}`,
        `retry: { statuses: [${config.retry.statuses.join(", ")}], min_server_error: ${config.retry.minServerError} }`,
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
  const key = sdk.config.apiKeyEnv;
  const options = key ? `(api_key: ENV.fetch(${rubyString(key)}))` : "";
  return [`  client = ${sdk.moduleName}::Client.new${options}`];
}

/** `credentials: { api_key: { kind: :bearer, env: "EMBOTT_API_KEY" }, ... }`: how each option is sent. */
function credentialsExpr(credentials: readonly RubyCredential[]): Expr {
  const items = credentials.map((credential) => {
    const name = credential.name ? `, name: ${rubyString(credential.name)}` : "";
    return `${credential.keyword}: { kind: :${credential.placement}${name}, env: ${rubyString(credential.env)} }`;
  });
  return { open: "credentials: {", items, close: "}", pad: true };
}

/** `error_envelope: { message: %w[error message], ... }`, or nil when the API declares no error body. */
function errorEnvelopeExpr(sdk: RubySdk): Expr {
  const envelope = sdk.config.errorEnvelope;
  if (!envelope) return "error_envelope: nil";
  const keys = {
    message: "message",
    type: "type",
    code: "code",
    param: "param",
    requestId: "request_id",
  } as const;
  const items = Object.entries(keys).flatMap(([field, key]) => {
    const path = envelope[field as keyof typeof keys];
    return path ? [`${key}: ${keyPath(path)}`] : [];
  });
  return { open: "error_envelope: {", items, close: "}", pad: true };
}

/** `%w[error message]` (or `["a b"]` when a key is not a plain word). */
function keyPath(path: readonly string[]): string {
  return path.length > 1 && path.every((key) => /^[\w.-]+$/.test(key))
    ? `%w[${path.join(" ")}]`
    : `[${path.map(rubyString).join(", ")}]`;
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
    ...config.credentials.flatMap((credential) =>
      tagLines(`@param ${credential.keyword} [String, nil] `, credentialDoc(credential), out.indentWidth),
    ),
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
    ...(config.credentials.length > 0
      ? [
          `@raise [${sdk.moduleName}::MissingCredentialsError] when the client holds no credentials the API accepts`,
        ]
      : []),
    "@raise [ArgumentError] when the configuration is unusable (a base URL without scheme, a bad timeout, ...)",
  ];
  out.comment(docs);
  const params = [
    ...config.credentials.map((credential) => `${credential.keyword}: nil`),
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
    const args: Expr[] = [
      "CONFIG",
      credentialsArg(config.credentials),
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

/** What a credential option is: "sent as the `X-Auth-Email` header (default: `ENV["..."]`)". */
function credentialDoc(credential: RubyCredential): string {
  const sent: Record<RubyCredential["placement"], string> = {
    bearer: "sent as `Authorization: Bearer <value>`",
    basic: "`user:password`, sent as `Authorization: Basic`",
    header: `sent as the \`${credential.name}\` header`,
    query: `sent as the \`${credential.name}\` query parameter`,
    cookie: `sent as the \`${credential.name}\` cookie`,
  };
  const what = credential.primary ? "your API key, " : "";
  return `${what}${sent[credential.placement]} (default: \`ENV["${credential.env}"]\`)`;
}

/** `credentials: { api_key: api_key, auth_email: auth_email }`, broken over lines when long. */
function credentialsArg(credentials: readonly RubyCredential[]): Expr {
  const items = credentials.map((credential) => `${credential.keyword}: ${credential.keyword}`);
  return { open: "credentials: {", items, close: "}", pad: true };
}
