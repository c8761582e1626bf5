import type { OpenApiDocument } from "./types";

export type ScopeGrant = "Default" | "Workspace admin";

export interface DocumentedScope {
  scope: string;
  grantedBy: ScopeGrant;
}

const SCOPE_ROW = /^\|\s*`([a-z_]+:[a-z_]+)`\s*\|\s*(Default|Workspace admin)\s*\|/gm;

/** The scopes table of a bearer security scheme's description: one `| \`scope\` | Granted by |` row each. */
export function documentedScopes(doc: OpenApiDocument, schemeName = "bearerAuth"): DocumentedScope[] {
  const description = doc.components.securitySchemes[schemeName]?.description;
  if (typeof description !== "string") return [];
  return [...description.matchAll(SCOPE_ROW)].map(([, scope, grantedBy]) => ({
    scope: scope!,
    grantedBy: grantedBy as ScopeGrant,
  }));
}
