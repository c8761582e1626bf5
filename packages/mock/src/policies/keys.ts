import { ApiError } from "./errors";

/** Scopes every key gets. */
export const DEFAULT_SCOPES = [
  "bots:read",
  "conversations:read",
  "leads:read",
  "products:read",
  "analytics:read",
] as const;

/** Scopes only workspace admins get. */
export const ADMIN_SCOPES = [
  "bots:write",
  "conversations:write",
  "leads:export",
  "products:write",
  "webhooks:manage",
] as const;

export const ALL_SCOPES: readonly string[] = [...DEFAULT_SCOPES, ...ADMIN_SCOPES];

/** Documented keys every mock accepts after a reset (see README). */
export const FIXTURE_KEYS = {
  /** Sandbox key with the default scopes. */
  default: "pk_test_default_0001",
  /** Production-style key with every scope. */
  admin: "sk_live_admin_0001",
  /** Sandbox key that can only read bots. */
  botsReadOnly: "pk_test_bots_readonly_0001",
} as const;

const KEY_FORMAT = /^(pk_test|sk_live)_[A-Za-z0-9_]{4,}$/;

export function isWellFormedKey(key: string): boolean {
  return KEY_FORMAT.test(key);
}

export interface KeyRecord {
  key: string;
  scopes: string[];
  mode: "test" | "live";
}

function invalidKey(message: string): ApiError {
  return new ApiError({ status: 400, code: "invalid_key", message });
}

/** API keys the mock accepts, with their scopes. Tests may register more. */
export class KeyRegistry {
  private readonly records = new Map<string, KeyRecord>();

  constructor(private readonly initial: Record<string, readonly string[]> = {}) {
    this.reset();
  }

  reset(): void {
    this.records.clear();
    this.register(FIXTURE_KEYS.default, DEFAULT_SCOPES);
    this.register(FIXTURE_KEYS.admin, ALL_SCOPES);
    this.register(FIXTURE_KEYS.botsReadOnly, ["bots:read"]);
    for (const [key, scopes] of Object.entries(this.initial)) this.register(key, scopes);
  }

  /** Adds or replaces a key. Throws a 400 `ApiError` for a malformed key or an unknown scope. */
  register(key: string, scopes: readonly string[]): KeyRecord {
    if (!isWellFormedKey(key)) {
      throw invalidKey(`Key '${key}' must look like pk_test_<chars> or sk_live_<chars> (at least 4 chars).`);
    }
    const unknown = scopes.filter((scope) => !ALL_SCOPES.includes(scope));
    if (unknown.length) throw invalidKey(`Unknown scope(s): ${unknown.join(", ")}.`);
    const record: KeyRecord = {
      key,
      scopes: [...new Set(scopes)],
      mode: key.startsWith("pk_test") ? "test" : "live",
    };
    this.records.set(key, record);
    return record;
  }

  revoke(key: string): boolean {
    return this.records.delete(key);
  }

  get(key: string): KeyRecord | undefined {
    return this.records.get(key);
  }

  list(): KeyRecord[] {
    return [...this.records.values()];
  }
}
