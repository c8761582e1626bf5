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
