import type { AuthScheme } from "../core/options";

/** Where a request's credentials go: headers, query params (after the operation's) and `name=value` cookies. */
export interface AuthPlacement {
  headers: Record<string, string>;
  query: Record<string, string>;
  /** `name=value` pairs joined into the `Cookie` header after the operation's own cookie params. */
  cookies: string[];
}

const nothing = (): AuthPlacement => ({ headers: {}, query: {}, cookies: [] });

/** Where one credential goes for its auth scheme. */
export function placeApiKey(auth: AuthScheme, apiKey: string | undefined): AuthPlacement {
  const placement = nothing();
  if (!apiKey) return placement;
  switch (auth.kind) {
    case "bearer":
      placement.headers.authorization = `Bearer ${apiKey}`;
      break;
    case "basic":
      placement.headers.authorization = `Basic ${basicCredentials(apiKey)}`;
      break;
    case "header":
      placement.headers[auth.name] = apiKey;
      break;
    case "query":
      placement.query[auth.name] = apiKey;
      break;
    case "cookie":
      placement.cookies.push(`${auth.name}=${apiKey}`);
      break;
    case "none":
      break;
  }
  return placement;
}

function basicCredentials(apiKey: string): string {
  const pair = apiKey.includes(":") ? apiKey : `${apiKey}:`;
  const bytes = new TextEncoder().encode(pair);
  return btoa(String.fromCharCode(...bytes));
}

/** One credential the client holds: its value and how its scheme sends it. */
export interface Credential {
  scheme: AuthScheme;
  value: string;
}

/**
 * The credentials of the first non-empty security alternative (AND of credential names) the client has every
 * credential for. When none fits, an empty list or an empty alternative (`{}`: anonymous allowed) sends nothing;
 * otherwise `undefined` (the caller raises its missing-credentials error).
 */
export function placeCredentials(
  alternatives: readonly (readonly string[])[],
  credentials: ReadonlyMap<string, Credential>,
): AuthPlacement | undefined {
  const chosen = alternatives.find(
    (alternative) => alternative.length > 0 && alternative.every((name) => credentials.has(name)),
  );
  if (!chosen) {
    const anonymous =
      alternatives.length === 0 || alternatives.some((alternative) => alternative.length === 0);
    return anonymous ? nothing() : undefined;
  }
  const placement = nothing();
  for (const name of chosen) {
    const credential = credentials.get(name)!;
    const placed = placeApiKey(credential.scheme, credential.value);
    Object.assign(placement.headers, placed.headers);
    Object.assign(placement.query, placed.query);
    placement.cookies.push(...placed.cookies);
  }
  return placement;
}

/** `{ apiKey } or { authEmail, authKey }`: the options that satisfy one of the alternatives (`{}` left out). */
export function describeAlternatives(alternatives: readonly (readonly string[])[]): string {
  return alternatives
    .filter((alternative) => alternative.length > 0)
    .map((alternative) => `{ ${alternative.join(", ")} }`)
    .join(" or ");
}
