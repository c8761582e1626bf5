import { applyCasing } from "../naming/casing";
import { NameScope } from "../naming/scope";
import { splitWords } from "../naming/words";
import { arrayAt, deref, type Json, objectAt, pointerJoin, stringAt } from "./json";
import type { AuthCredential, AuthScheme, SdkMeta, SecurityRequirement } from "./types";

/** Security requirement objects (`[{ scheme: [scopes] }]`) → IR alternatives. */
export function readSecurity(value: unknown): SecurityRequirement[] {
  return arrayAt(value).map((requirement) => ({
    schemes: Object.entries(objectAt(requirement)).map(([id, scopes]) => ({
      id,
      scopes: arrayAt(scopes).filter((scope): scope is string => typeof scope === "string"),
    })),
  }));
}

/** The operation's own `security`, else the inherited top-level one. */
export function effectiveSecurity(
  operation: Json,
  rootSecurity: SecurityRequirement[],
): SecurityRequirement[] {
  return "security" in operation ? readSecurity(operation["security"]) : rootSecurity;
}

/** Sorted union of all scopes across alternatives. */
export function scopesOf(security: SecurityRequirement[]): string[] {
  const scopes = new Set(
    security.flatMap((requirement) => requirement.schemes.flatMap((scheme) => scheme.scopes)),
  );
  return [...scopes].sort();
}

/** `components.securitySchemes` → auth schemes, in spec order, with the client options that carry them. */
export function buildAuthSchemes(
  document: Json,
  sdk: SdkMeta,
  requirements: SecurityRequirement[][],
): AuthScheme[] {
  const usedIds = new Set(requirements.flat().flatMap((requirement) => requirement.schemes.map((s) => s.id)));
  const schemes = objectAt(objectAt(document["components"])["securitySchemes"]);
  const built = Object.entries(schemes).map(([id, raw]) => {
    const { node } = deref(document, raw, pointerJoin("#/components/securitySchemes", id));
    const description = stringAt(node["description"]);
    return { id, ...schemeKind(node), ...(description ? { description } : {}), used: usedIds.has(id) };
  });
  const carriers = built.filter((scheme) => scheme.used && credentialRoles(scheme.kind).length > 0);
  const scope = new NameScope(true);
  return built.map((scheme) => ({
    ...scheme,
    credentials: carriers.includes(scheme) ? credentialsOf(scheme, carriers.length === 1, sdk, scope) : [],
  }));
}

function credentialRoles(kind: AuthScheme["kind"]): AuthCredential["role"][] {
  if (kind === "basic") return ["username", "password"];
  return kind === "mutualTLS" || kind === "other" ? [] : ["token"];
}

/** Words of a scheme id that say nothing (`bearerAuth` → bearer, `api_key_scheme` → api, key). */
const SCHEME_NOISE = new Set(["auth", "scheme", "security", "authentication", "authorization"]);

function credentialsOf(
  scheme: Omit<AuthScheme, "credentials">,
  sole: boolean,
  sdk: SdkMeta,
  scope: NameScope,
): AuthCredential[] {
  const idWords = splitWords(scheme.id).filter((word) => !SCHEME_NOISE.has(word));
  const base = sole
    ? ["api", "key"]
    : idWords.length > 0
      ? idWords
      : splitWords(scheme.parameterName ?? "key");
  return credentialRoles(scheme.kind).map((role) => {
    const wanted = role === "token" ? base : sole ? [role] : [...base, role];
    const words = scope.claim(applyCasing(wanted, "snake"), "_").split("_");
    const env =
      sole && role === "token" ? sdk.apiKeyEnv : applyCasing([...envPrefix(sdk), ...words], "screamingSnake");
    return { role, words, env };
  });
}

/** `EMBOTT_API_KEY` → [embott]; else the package name's words. */
function envPrefix(sdk: SdkMeta): string[] {
  const fromKey = sdk.apiKeyEnv.replace(/_API_KEY$/, "");
  return splitWords(fromKey !== sdk.apiKeyEnv && fromKey ? fromKey : sdk.packageName);
}

function schemeKind(scheme: Json): Omit<AuthScheme, "id" | "description" | "used" | "credentials"> {
  const type = scheme["type"];
  if (type === "http") {
    const httpScheme = String(scheme["scheme"] ?? "").toLowerCase();
    if (httpScheme === "basic") return { kind: "basic" };
    if (httpScheme !== "bearer") return { kind: "other" };
    const bearerFormat = stringAt(scheme["bearerFormat"]);
    return { kind: "bearer", ...(bearerFormat ? { bearerFormat } : {}) };
  }
  if (type === "apiKey") {
    const location = scheme["in"] === "query" || scheme["in"] === "cookie" ? scheme["in"] : "header";
    return { kind: "apiKey", in: location, parameterName: String(scheme["name"] ?? "") };
  }
  if (type === "oauth2" || type === "openIdConnect" || type === "mutualTLS") return { kind: type };
  return { kind: "other" };
}
