// How the TypeScript SDK does what a scenario asks: wire names → TS names, calls by mode, errors → neutral.
// The refiners are read from the generators' sources: the embott package does not depend on them.
import { splitWords } from "../../../../../generators/core/src/naming/words";
import { typescriptNaming } from "../../../../../generators/typescript/src/naming";
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  Embott,
  InternalServerError,
  NotFoundError,
  type Page,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
} from "../../../src/index";
import type { CallMode, ErrorClass, JsonObject } from "./scenario";

export interface ClientSettings {
  apiKey: string;
  baseUrl: string;
  maxRetries?: number | undefined;
  timeoutMs?: number | undefined;
}

export function makeClient(settings: ClientSettings): Embott {
  return new Embott({
    apiKey: settings.apiKey,
    baseURL: settings.baseUrl,
    ...(settings.maxRetries === undefined ? {} : { maxRetries: settings.maxRetries }),
    timeout: settings.timeoutMs ?? 10_000,
  });
}

/** What a call produced, in neutral form. */
export type Outcome =
  | { kind: "result"; value: unknown; requestId: string | null; headers: Headers }
  | { kind: "page"; items: unknown[]; hasNext: boolean }
  | { kind: "items"; items: unknown[] }
  | { kind: "events"; events: unknown[] }
  | { kind: "error"; error: NeutralError };

export interface NeutralError {
  class: ErrorClass | "other";
  sdkClass: string;
  status: number | undefined;
  type: string | undefined;
  code: string | undefined;
  param: string | null | undefined;
  message: string;
  retries: number | undefined;
  requestId: string | null;
  /** The Idempotency-Key the SDK sent, when it exposes it on the error. */
  idempotencyKey: unknown;
  rateLimit: { limit: number | undefined; retryAfter: number | undefined } | null;
}

const tsName = (wire: string, kind: "resource" | "method" | "parameter") =>
  typescriptNaming.identifier(splitWords(wire), kind);

/** `conversations.sendMessage` → client.conversations.sendMessage, cased by the TS naming refiner. */
function method(client: Embott, operation: string): (params: object) => unknown {
  const [resource, name] = operation.split(".") as [string, string];
  const target = (client as unknown as Record<string, Record<string, unknown>>)[tsName(resource, "resource")];
  const fn = target?.[tsName(name, "method")];
  if (typeof fn !== "function") throw new Error(`the TypeScript SDK has no client.${resource}.${name}()`);
  return (params) => (fn as (params: object) => unknown).call(target, params);
}

export async function call(
  client: Embott,
  operation: string,
  args: JsonObject,
  mode: CallMode,
): Promise<Outcome> {
  const params = Object.fromEntries(
    Object.entries(args).map(([key, value]) => [tsName(key, "parameter"), value]),
  );
  const invoke = method(client, operation);
  try {
    switch (mode) {
      case "plain": {
        const promise = invoke(params) as {
          withResponse(): Promise<{ data: unknown; response: Response; requestId: string | null }>;
        };
        const { data, response, requestId } = await promise.withResponse();
        return { kind: "result", value: toWire(data), requestId, headers: response.headers };
      }
      case "page": {
        const page = (await invoke(params)) as Page<unknown>;
        return { kind: "page", items: page.data.map(toWire), hasNext: page.hasNextPage() };
      }
      case "paginate": {
        const items: unknown[] = [];
        for await (const item of invoke(params) as AsyncIterable<unknown>) items.push(toWire(item));
        return { kind: "items", items };
      }
      case "stream": {
        const events: unknown[] = [];
        for await (const event of (await invoke(params)) as AsyncIterable<unknown>)
          events.push(toWire(event));
        return { kind: "events", events };
      }
    }
  } catch (error) {
    return { kind: "error", error: neutralError(error) };
  }
}

/** The wire JSON of a result (the TS SDK keeps wire field names). */
const toWire = (value: unknown): unknown => JSON.parse(JSON.stringify(value ?? null));

const CLASSES: [new (...args: never[]) => Error, ErrorClass][] = [
  [BadRequestError, "bad_request"],
  [AuthenticationError, "authentication"],
  [PermissionDeniedError, "permission_denied"],
  [NotFoundError, "not_found"],
  [ConflictError, "conflict"],
  [UnprocessableEntityError, "unprocessable_entity"],
  [RateLimitError, "rate_limit"],
  [InternalServerError, "internal_server"],
  [APIConnectionTimeoutError, "timeout"],
  [APIConnectionError, "connection"],
];

export function neutralError(error: unknown): NeutralError {
  if (!(error instanceof Error)) throw error;
  const found = CLASSES.find(([type]) => error instanceof type);
  const api = error instanceof APIError ? error : undefined;
  // The TS SDK reports the retries it made in the message ("… after 2 retries").
  const retried = /after (\d+) retries/.exec(error.message);
  return {
    class: found?.[1] ?? "other",
    sdkClass: error.constructor.name,
    status: api?.status,
    type: api?.type,
    code: api?.code,
    param: api?.param,
    message: error.message,
    retries: retried ? Number(retried[1]) : api ? 0 : undefined,
    requestId: api?.requestId ?? null,
    idempotencyKey: (error as { idempotencyKey?: unknown }).idempotencyKey,
    rateLimit: api?.rateLimit ? { limit: api.rateLimit.limit, retryAfter: api.rateLimit.retryAfter } : null,
  };
}

/** client.webhooks.verify with the case's clock: "valid" or the signature error's code. */
export async function verifyWebhook(
  client: Embott,
  body: Buffer,
  header: string | null,
  secret: string,
  options: { now?: number; tolerance?: number } = {},
): Promise<string> {
  try {
    await client.webhooks.verify(body, header, secret, options);
    return "valid";
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === "string") return code;
    throw error;
  }
}

export async function unwrapWebhook(
  client: Embott,
  body: Buffer,
  headers: Record<string, string>,
  secret: string,
): Promise<unknown> {
  return toWire(await client.webhooks.unwrap(body, headers, secret));
}
