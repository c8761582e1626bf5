import type { AuthScheme, IR, Model, SecurityRequirement, TypeRef } from "../ir/types";
import { splitWords, wordsOr } from "../naming/words";
import type { PlanContext } from "./context";
import { WordScope } from "./names";
import type {
  AuthPlan,
  AuthSchemePlan,
  ClientPlan,
  CredentialPlan,
  ErrorEnvelopePlan,
  HeaderNamesPlan,
  RetryPlan,
  ServerPlan,
} from "./types";

/** Option words every runtime's client already has; server variables step aside from them. */
const RUNTIME_OPTION_WORDS = [
  ["api", "key"],
  ["base", "url"],
  ["max", "retries"],
  ["timeout"],
  ["fetch"],
  ["logger"],
  ["log", "level"],
  ["default", "headers"],
  ["default", "query"],
  ["webhook", "secret"],
];

/** The retry policy every runtime follows (BRIEF: 408, 429 and ≥ 500; never 409). */
export const RETRY_POLICY: RetryPlan = {
  maxRetries: 2,
  statuses: [408, 429],
  minServerErrorStatus: 500,
  safeMethods: ["get", "head", "options"],
};

export function planClient(context: PlanContext, name: string[]): ClientPlan {
  const { ir } = context;
  const prefix = envPrefix(ir.sdk.apiKeyEnv, ir.sdk.packageName);
  const scan = scanOperations(context);
  const envelope = errorEnvelope(context, scan.errorCounts);
  return {
    name,
    docs: clientDocs(ir),
    auth: planAuth(ir, prefix),
    env: {
      prefix,
      apiKey: ir.sdk.apiKeyEnv,
      baseUrl: ir.sdk.baseUrlEnv,
      log: `${prefix}_LOG`,
      ...(ir.webhookSignature ? { webhookSecret: `${prefix}_WEBHOOK_SECRET` } : {}),
    },
    defaultBaseUrl: defaultBaseUrl(ir),
    servers: planServers(ir),
    headers: headerNames(context, scan),
    retry: RETRY_POLICY,
    ...(envelope ? { errorEnvelope: envelope } : {}),
  };
}

function clientDocs(ir: IR): string {
  const title = `Client for the ${ir.info.title} (version ${ir.info.version}).`;
  const env = `The API key defaults to \`${ir.sdk.apiKeyEnv}\` and the base URL to \`${ir.sdk.baseUrlEnv}\`.`;
  return [title, ir.info.summary, env].filter(Boolean).join("\n\n");
}

function planAuthScheme(scheme: AuthScheme): AuthSchemePlan {
  return {
    id: scheme.id,
    name: wordsOr(scheme.id, ["auth"]),
    kind: scheme.kind,
    placement: placement(scheme),
    ...(scheme.parameterName ? { parameterName: scheme.parameterName } : {}),
    ...(scheme.description ? { description: scheme.description } : {}),
  };
}

function placement(scheme: AuthScheme): AuthSchemePlan["placement"] {
  switch (scheme.kind) {
    case "bearer":
    case "oauth2":
    case "openIdConnect":
      return "bearer";
    case "basic":
      return "basic";
    case "apiKey":
      return scheme.in && scheme.parameterName ? scheme.in : "none";
    default:
      return "none";
  }
}

/** Placements a runtime can send; `none` (mutualTLS, unknown http schemes) gets no credential option. */
const SENDABLE = new Set<AuthSchemePlan["placement"]>(["bearer", "basic", "header", "query", "cookie"]);

/** The client's auth (schemes, requirements, credential options) for `inspect` and `planClient`. */
export function planAuth(ir: IR, prefix = envPrefix(ir.sdk.apiKeyEnv, ir.sdk.packageName)): AuthPlan {
  const schemes = ir.auth.map(planAuthScheme);
  const sendable = new Map(
    schemes.filter((scheme) => SENDABLE.has(scheme.placement)).map((scheme) => [scheme.id, scheme]),
  );
  const requirements = [
    ...ir.security,
    ...ir.resources.flatMap((resource) => resource.operations.flatMap((operation) => operation.security)),
  ];
  const primary = primaryScheme(requirements, sendable, schemes);
  const scope = new WordScope();
  for (const words of RUNTIME_OPTION_WORDS) scope.reserve(words);
  for (const server of ir.servers)
    for (const variable of server.variables) scope.reserve(wordsOr(variable.name, []));
  const credentials: CredentialPlan[] = primary
    ? [{ scheme: primary.id, name: ["api", "key"], env: ir.sdk.apiKeyEnv }]
    : [];
  const used = new Set(requirements.flatMap((requirement) => requirement.schemes.map((scheme) => scheme.id)));
  for (const id of used) {
    const scheme = sendable.get(id);
    if (!scheme || id === primary?.id) continue;
    const words = credentialWords(scheme);
    const name = scope.claim(words, [...words, "key"]);
    credentials.push({ scheme: id, name, env: [prefix, ...name].join("_").toUpperCase() });
  }
  const implied = requirements.length === 0 && primary ? [{ schemes: [{ id: primary.id, scopes: [] }] }] : [];
  const root = implied.length > 0 ? implied : ir.security;
  return {
    schemes,
    requirements: root,
    defaultSecurity: root.length > 0 ? root : sharedSecurity(ir),
    ...(primary ? { primary: primary.id } : {}),
    credentials,
  };
}

/**
 * What a method without requirements needs: nothing, unless the spec declares a sendable scheme but names it in
 * no requirement at all (root or operation) — then it is taken to need it everywhere, and `apiKey` is sent.
 */
export function impliedSecurity(auth: AuthPlan, ir: IR): SecurityRequirement[] | undefined {
  return ir.security.length === 0 && auth.requirements.length > 0 ? auth.requirements : undefined;
}

/** The one security list every operation has (scopes dropped), when it needs credentials in every alternative. */
function sharedSecurity(ir: IR): SecurityRequirement[] {
  const operations = ir.resources.flatMap((resource) => resource.operations);
  const ids = (security: SecurityRequirement[]) =>
    security.map((requirement) => requirement.schemes.map((scheme) => scheme.id).join("+")).join("|");
  const first = operations[0]?.security ?? [];
  const shared =
    first.length > 0 &&
    first.every((requirement) => requirement.schemes.length > 0) &&
    operations.every((operation) => ids(operation.security) === ids(first));
  return shared
    ? first.map((requirement) => ({
        schemes: requirement.schemes.map((scheme) => ({ id: scheme.id, scopes: [] })),
      }))
    : [];
}

/**
 * The scheme `apiKey` feeds: the first sendable scheme that is a whole alternative on its own, else the first
 * sendable scheme any requirement names, else the first sendable one declared.
 */
function primaryScheme(
  requirements: SecurityRequirement[],
  sendable: ReadonlyMap<string, AuthSchemePlan>,
  schemes: AuthSchemePlan[],
): AuthSchemePlan | undefined {
  const alone = requirements.find(
    (requirement) => requirement.schemes.length === 1 && sendable.has(requirement.schemes[0]!.id),
  );
  if (alone) return sendable.get(alone.schemes[0]!.id);
  for (const requirement of requirements)
    for (const scheme of requirement.schemes) if (sendable.has(scheme.id)) return sendable.get(scheme.id);
  return requirements.length > 0 ? undefined : schemes.find((scheme) => sendable.has(scheme.id));
}

/** `X-Auth-Key` → auth, key; a scheme without a parameter name (bearer, basic) → its id's words. */
function credentialWords(scheme: AuthSchemePlan): string[] {
  const fromParameter = splitWords((scheme.parameterName ?? "").replace(/^x-/i, ""));
  return fromParameter.length > 0 ? fromParameter : [...scheme.name];
}

/** `EMBOTT` from `EMBOTT_API_KEY`; else the package name in SCREAMING_SNAKE. */
function envPrefix(apiKeyEnv: string, packageName: string): string {
  const fromKey = apiKeyEnv.replace(/_API_KEY$/, "");
  if (fromKey !== apiKeyEnv && fromKey) return fromKey;
  return packageName.replace(/[^A-Za-z0-9]+/g, "_").toUpperCase();
}

function defaultBaseUrl(ir: IR): string {
  const server = ir.servers[0];
  if (!server) return "http://localhost";
  const url = server.variables.reduce(
    (text, variable) => text.replaceAll(`{${variable.name}}`, variable.default),
    server.url,
  );
  return url.replace(/\/+$/, "");
}

function planServers(ir: IR): ServerPlan[] {
  return ir.servers.map((server) => {
    const scope = new WordScope();
    for (const words of RUNTIME_OPTION_WORDS) scope.reserve(words);
    return {
      url: server.url.replace(/\/+$/, ""),
      ...(server.description ? { description: server.description } : {}),
      variables: server.variables.map((variable) => {
        const words = wordsOr(variable.name, ["server"]);
        return {
          placeholder: variable.name,
          name: scope.claim(words, ["server", ...words]),
          default: variable.default,
          ...(variable.enum && variable.enum.length > 0 ? { enum: variable.enum } : {}),
          ...(variable.description ? { description: variable.description } : {}),
        };
      }),
    };
  });
}

/** What the client plan needs from every operation, gathered in one pass over them. */
interface OperationScan {
  /** Success response header names (lower-case). */
  headers: Set<string>;
  /** The first idempotency header parameter (lower-case). */
  idempotencyHeader?: string;
  /** Error body model id → how many documented error responses use it. */
  errorCounts: Map<string, number>;
}

function scanOperations(context: PlanContext): OperationScan {
  const scan: OperationScan = { headers: new Set(), errorCounts: new Map() };
  for (const resource of context.ir.resources) {
    for (const operation of resource.operations) {
      for (const header of operation.response.headers) scan.headers.add(header);
      if (!scan.idempotencyHeader && operation.idempotencyHeader) {
        scan.idempotencyHeader = operation.idempotencyHeader.toLowerCase();
      }
      for (const error of operation.errors) {
        if (error.type.kind === "ref")
          scan.errorCounts.set(error.type.id, (scan.errorCounts.get(error.type.id) ?? 0) + 1);
      }
    }
  }
  return scan;
}

/** Header names documented anywhere in the spec, else the conventional ones. */
function headerNames(context: PlanContext, scan: OperationScan): HeaderNamesPlan {
  const documented = [
    ...scan.headers,
    ...context.details.documentedHeaderNames().map((name) => name.toLowerCase()),
  ];
  const find = (pattern: RegExp, fallback: string) =>
    documented.find((name) => pattern.test(name)) ?? fallback;
  return {
    requestId: find(/^(x-)?request-?id$/, "x-request-id"),
    rateLimit: {
      limit: find(/ratelimit-limit$/, "x-ratelimit-limit"),
      remaining: find(/ratelimit-remaining$/, "x-ratelimit-remaining"),
      reset: find(/ratelimit-reset$/, "x-ratelimit-reset"),
    },
    retryAfter: ["retry-after-ms", "retry-after"],
    shouldRetry: "x-should-retry",
    idempotencyKey: scan.idempotencyHeader ?? "idempotency-key",
  };
}

const FIELD_PATTERNS: Record<Exclude<keyof ErrorEnvelopePlan, "model">, RegExp> = {
  type: /^(type|error_?type|kind)$/i,
  code: /^(code|error_?code)$/i,
  message: /^(message|detail|error_?message|error_?description|msg|title)$/i,
  param: /^(param|parameter|field|pointer)$/i,
  requestId: /^(request_?id|trace_?id|correlation_?id)$/i,
};

/**
 * The error body most operations document, and where its type/code/message/param/request id fields are:
 * top-level (`{ message }`, problem+json's `detail`) or one object level down (`{ error: { message } }`).
 */
function errorEnvelope(context: PlanContext, counts: Map<string, number>): ErrorEnvelopePlan | undefined {
  const [modelId] = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0] ?? [];
  if (!modelId) return undefined;
  const root = objectModel(context, { kind: "ref", id: modelId });
  if (!root) return undefined;
  const envelope: ErrorEnvelopePlan = { model: modelId };
  const search = (model: Model & { kind: "object" }, prefix: string[]) => {
    for (const [field, pattern] of Object.entries(FIELD_PATTERNS) as [
      keyof typeof FIELD_PATTERNS,
      RegExp,
    ][]) {
      if (envelope[field]) continue;
      const property = model.properties.find((candidate) => pattern.test(candidate.name));
      if (property && !objectModel(context, property.type)) envelope[field] = [...prefix, property.name];
    }
  };
  search(root, []);
  for (const property of root.properties) {
    const nested = objectModel(context, property.type);
    if (nested && splitWords(property.name).includes("error")) search(nested, [property.name]);
  }
  for (const property of root.properties) {
    const nested = objectModel(context, property.type);
    if (nested) search(nested, [property.name]);
  }
  return envelope;
}

function objectModel(context: PlanContext, type: TypeRef): (Model & { kind: "object" }) | undefined {
  if (type.kind !== "ref") return undefined;
  const model = context.model(type.id);
  if (model?.kind === "alias") return objectModel(context, model.type);
  return model?.kind === "object" ? model : undefined;
}
