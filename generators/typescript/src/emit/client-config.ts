import type { AuthScheme, IR, Server } from "@embott/codegen-core";
import { objectLiteral, quote, valueLiteral } from "../printer";

/** The runtime's auth placements (generators/typescript/runtime/src/core/options.ts `AuthScheme`). */
export type RuntimeAuth =
  | { kind: "bearer" }
  | { kind: "basic" }
  | { kind: "header"; name: string }
  | { kind: "query"; name: string }
  | { kind: "none" };

export interface ClientConfigInput {
  ir: IR;
  sdkVersion: string;
  /** Expression of the default base URL when it depends on the options (server variables). */
  baseURL?: string;
}

/** The `SDKConfig` literal the generated client passes to `APIClient`. */
export function sdkConfigLiteral({ ir, sdkVersion, baseURL }: ClientConfigInput): string {
  const prefix = envPrefix(ir.sdk.apiKeyEnv, ir.sdk.packageName);
  const entries: [string, string][] = [
    ["sdkName", quote(ir.sdk.packageName)],
    ["sdkVersion", quote(sdkVersion)],
    ["defaultBaseURL", baseURL ?? quote(defaultBaseURL(ir.servers))],
    ["apiKeyEnv", quote(ir.sdk.apiKeyEnv)],
    ["baseURLEnv", quote(ir.sdk.baseUrlEnv)],
    ["logEnv", quote(`${prefix}_LOG`)],
    ["auth", valueLiteral(runtimeAuth(ir))],
  ];
  if (ir.webhookSignature) {
    entries.push(["webhookSecretEnv", quote(`${prefix}_WEBHOOK_SECRET`)]);
    entries.push(["webhookSignature", valueLiteral(ir.webhookSignature)]);
  }
  return objectLiteral(entries);
}

/** The first server with its variables set to their defaults; `http://localhost` when the spec has none. */
export function defaultBaseURL(servers: readonly Server[]): string {
  const server = servers[0];
  if (!server) return "http://localhost";
  const url = server.variables.reduce(
    (text, variable) => text.replaceAll(`{${variable.name}}`, variable.default),
    server.url,
  );
  return url.replace(/\/+$/, "");
}

/**
 * The scheme the API key is sent with: the first scheme of the top-level security requirement, else of the
 * first operation that has one, else the first declared scheme. OAuth2 / OpenID tokens travel as bearer.
 */
export function runtimeAuth(ir: IR): RuntimeAuth {
  const requirements = ir.security.length > 0 ? ir.security : operationSecurity(ir);
  const id = requirements[0]?.schemes[0]?.id;
  const scheme =
    ir.auth.find((candidate) => candidate.id === id) ?? (id === undefined ? ir.auth[0] : undefined);
  return scheme ? authFor(scheme) : { kind: "none" };
}

function operationSecurity(ir: IR) {
  const operations = ir.resources.flatMap((resource) => resource.operations);
  return operations.find((operation) => operation.security.length > 0)?.security ?? [];
}

function authFor(scheme: AuthScheme): RuntimeAuth {
  switch (scheme.kind) {
    case "bearer":
    case "oauth2":
    case "openIdConnect":
      return { kind: "bearer" };
    case "basic":
      return { kind: "basic" };
    case "apiKey":
      if (scheme.in === "header" && scheme.parameterName)
        return { kind: "header", name: scheme.parameterName };
      if (scheme.in === "query" && scheme.parameterName) return { kind: "query", name: scheme.parameterName };
      return { kind: "none" };
    default:
      return { kind: "none" };
  }
}

/** `EMBOTT` from `EMBOTT_API_KEY`; else the package name in SCREAMING_SNAKE. */
function envPrefix(apiKeyEnv: string, packageName: string): string {
  const fromKey = apiKeyEnv.replace(/_API_KEY$/, "");
  if (fromKey !== apiKeyEnv && fromKey) return fromKey;
  return packageName.replace(/[^A-Za-z0-9]+/g, "_").toUpperCase();
}
