import { ApiError } from "./errors";
import { isWellFormedKey, type KeyRecord, type KeyRegistry } from "./keys";

function unauthenticated(code: string, message: string): ApiError {
  return new ApiError({
    status: 401,
    code,
    message,
    headers: { "WWW-Authenticate": 'Bearer realm="embott"' },
  });
}

/** Resolves the bearer key of a request; 401 when it is missing, malformed or unknown. */
export function authenticate(request: Request, keys: KeyRegistry): KeyRecord {
  const header = request.headers.get("authorization");
  if (!header)
    throw unauthenticated("missing_api_key", "No API key provided. Send 'Authorization: Bearer <key>'.");
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!match?.[1])
    throw unauthenticated("invalid_authorization_header", "Authorization must be 'Bearer <key>'.");
  const key = match[1];
  if (!isWellFormedKey(key)) {
    throw unauthenticated("invalid_api_key", "Malformed API key; keys start with pk_test_ or sk_live_.");
  }
  const record = keys.get(key);
  if (!record) throw unauthenticated("invalid_api_key", `Invalid API key provided: ${maskKey(key)}.`);
  return record;
}

/** 403 naming the first scope of the operation the key lacks. */
export function requireScopes(record: KeyRecord, scopes: readonly string[]): void {
  const missing = scopes.find((scope) => !record.scopes.includes(scope));
  if (missing) {
    throw new ApiError({
      status: 403,
      code: "missing_scope",
      message: `This API key lacks the required scope '${missing}'.`,
    });
  }
}

export function maskKey(key: string): string {
  return key.length <= 12 ? `${key.slice(0, 8)}…` : `${key.slice(0, 8)}…${key.slice(-4)}`;
}
