/**
 * Reads hey-api's resolved symbol registry after a run and indexes the final exported type names by what they
 * describe (a component schema's JSON pointer, an operation's path + method, a webhook's key). Our emitter uses
 * this table to reference hey-api's types, so no naming rule of hey-api is re-implemented or guessed here.
 */

/** Type names hey-api gave one operation; `response` is missing when no success response has a body. */
export interface OperationTypeNames {
  data: string;
  /** Union of every success response body. */
  response?: string;
  /** Map of success status → body type. */
  responses?: string;
}

export interface HeyApiSymbolTable {
  /** `#/components/schemas/Pet` → `Pet`. */
  schemas: ReadonlyMap<string, string>;
  /** `get /pets/{petId}` → `{ data: "ShowPetByIdData", response: "ShowPetByIdResponse" }`. */
  operations: ReadonlyMap<string, OperationTypeNames>;
  /** Webhook key (`newPet`, `lead.captured`) → payload type name. */
  webhookPayloads: ReadonlyMap<string, string>;
  /** Types that only serve hey-api's own client (`ClientOptions`, the `Webhooks` request union). */
  clientOnly: ReadonlySet<string>;
  /** hey-api's client configuration types (`ClientOptions` with its `baseUrl`), a subset of `clientOnly`. */
  clientConfig: ReadonlySet<string>;
}

/** The slice of hey-api's symbol objects this module reads. */
export interface RegisteredSymbol {
  meta?: Record<string, unknown>;
  finalName: string;
}

export function operationKey(method: string, path: string): string {
  return `${method.toLowerCase()} ${path}`;
}

export function buildSymbolTable(symbols: Iterable<RegisteredSymbol>): HeyApiSymbolTable {
  const schemas = new Map<string, string>();
  const operations = new Map<string, OperationTypeNames>();
  const webhookPayloads = new Map<string, string>();
  const clientOnly = new Set<string>();
  const clientConfig = new Set<string>();
  for (const symbol of symbols) {
    const meta = symbol.meta;
    if (meta?.["tool"] !== "typescript" || meta["category"] !== "type") continue;
    const path = Array.isArray(meta["path"]) ? meta["path"].map(String) : [];
    if (meta["resource"] === "client" || meta["variant"] === "container") {
      clientOnly.add(symbol.finalName);
      if (meta["resource"] === "client") clientConfig.add(symbol.finalName);
    } else if (meta["resource"] === "definition" && typeof meta["resourceId"] === "string") {
      schemas.set(meta["resourceId"], symbol.finalName);
    } else if (meta["resource"] === "operation" && path[0] === "paths" && path.length === 3) {
      recordOperationRole(operations, operationKey(path[2]!, path[1]!), meta["role"], symbol.finalName);
    } else if (meta["resource"] === "webhook" && meta["role"] === "payload" && path[0] === "webhooks") {
      webhookPayloads.set(path[1]!, symbol.finalName);
    }
  }
  return { schemas, operations, webhookPayloads, clientOnly, clientConfig };
}

function recordOperationRole(
  operations: Map<string, OperationTypeNames>,
  key: string,
  role: unknown,
  name: string,
): void {
  const entry = operations.get(key) ?? { data: "" };
  if (role === "data") entry.data = name;
  else if (role === "response") entry.response = name;
  else if (role === "responses") entry.responses = name;
  else return;
  operations.set(key, entry);
}
