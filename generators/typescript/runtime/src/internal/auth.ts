import type { AuthScheme } from "../core/options";

export interface AuthPlacement {
  headers: Record<string, string>;
  query: Record<string, string>;
}

/** Where the API key goes for each auth scheme. */
export function placeApiKey(auth: AuthScheme, apiKey: string | undefined): AuthPlacement {
  if (!apiKey || auth.kind === "none") return { headers: {}, query: {} };
  switch (auth.kind) {
    case "bearer":
      return { headers: { authorization: `Bearer ${apiKey}` }, query: {} };
    case "header":
      return { headers: { [auth.name]: apiKey }, query: {} };
    case "query":
      return { headers: {}, query: { [auth.name]: apiKey } };
    case "basic":
      return { headers: { authorization: `Basic ${basicCredentials(apiKey)}` }, query: {} };
  }
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
 * The credentials of the first security alternative (AND of credential names) the client has every credential
 * for; an empty alternative sends nothing. `undefined` when none fits (no alternatives at all sends nothing).
 */
export function placeCredentials(
  alternatives: readonly (readonly string[])[],
  credentials: ReadonlyMap<string, Credential>,
): AuthPlacement | undefined {
  if (alternatives.length === 0) return { headers: {}, query: {} };
  const chosen = alternatives.find((alternative) => alternative.every((name) => credentials.has(name)));
  if (!chosen) return undefined;
  const placement: AuthPlacement = { headers: {}, query: {} };
  for (const name of chosen) {
    const credential = credentials.get(name)!;
    const placed = placeApiKey(credential.scheme, credential.value);
    Object.assign(placement.headers, placed.headers);
    Object.assign(placement.query, placed.query);
  }
  return placement;
}

/** `{ apiKey } or { authEmail, authKey }`: the options that satisfy one of the alternatives. */
export function describeAlternatives(alternatives: readonly (readonly string[])[]): string {
  return alternatives.map((alternative) => `{ ${alternative.join(", ")} }`).join(" or ");
}
