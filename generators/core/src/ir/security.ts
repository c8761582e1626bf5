import { arrayAt, deref, type Json, objectAt, pointerJoin, stringAt } from "./json";
import type { AuthScheme, SecurityRequirement } from "./types";

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

/** `components.securitySchemes` → auth schemes, in spec order (the plan names the client options that carry them). */
export function buildAuthSchemes(document: Json, requirements: SecurityRequirement[][]): AuthScheme[] {
  const usedIds = new Set(requirements.flat().flatMap((requirement) => requirement.schemes.map((s) => s.id)));
  const schemes = objectAt(objectAt(document["components"])["securitySchemes"]);
  return Object.entries(schemes).map(([id, raw]) => {
    const { node } = deref(document, raw, pointerJoin("#/components/securitySchemes", id));
    const description = stringAt(node["description"]);
    return { id, ...schemeKind(node), ...(description ? { description } : {}), used: usedIds.has(id) };
  });
}

function schemeKind(scheme: Json): Omit<AuthScheme, "id" | "description" | "used"> {
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
