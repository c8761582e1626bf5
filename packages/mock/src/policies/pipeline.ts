import { delay, HttpResponse } from "msw";
import type { MockContext } from "../context";
import type { FaultRule } from "../faults/fault-queue";
import type { RequestLogEntry } from "../log/request-log";
import { getOperation, type OperationSpec } from "../spec/operations";
import { authenticate, maskKey, requireScopes } from "./auth";
import { ApiError, type ErrorInit, errorResponse, toErrorDetails } from "./errors";
import { type ValidatedInput, validateRequest } from "./validation";

export type { ValidatedInput } from "./validation";

interface Exchange {
  context: MockContext;
  request: Request;
  requestId: string;
  bodyText: string;
  /** False when the body's bytes are not UTF-8: rejected before validation, never stored with U+FFFD. */
  bodyIsUtf8: boolean;
  operation: OperationSpec | null;
  fault: RequestLogEntry["fault"];
}

/** Statuses whose responses the spec documents with a required `Retry-After`. */
const RETRYABLE_STATUSES = new Set([429, 503]);

/** An injected status as the API would send it: mapped error type, `Retry-After` (default 1 s), rate-limit headers. */
function faultDetails(rule: FaultRule, context: MockContext): ErrorInit {
  const status = rule.status ?? 500;
  const retryAfter = rule.retryAfter ?? (RETRYABLE_STATUSES.has(status) ? 1 : undefined);
  const headers: Record<string, string> =
    retryAfter === undefined ? {} : { "Retry-After": String(retryAfter) };
  if (status === 429) Object.assign(headers, context.rateLimiter.exhaustedHeaders(retryAfter ?? 1));
  return {
    status,
    code: status === 429 ? "rate_limit_exceeded" : "injected_fault",
    message: status === 429 ? "Injected rate limit." : `Injected fault with status ${status}.`,
    headers,
  };
}

function record(exchange: Exchange, status: number): void {
  const { request, bodyText, operation, fault } = exchange;
  const url = new URL(request.url);
  const key = /^Bearer\s+(\S+)$/i.exec(request.headers.get("authorization") ?? "")?.[1];
  let body: unknown = null;
  try {
    body = bodyText ? JSON.parse(bodyText) : null;
  } catch {
    body = bodyText;
  }
  exchange.context.requests.record({
    request_id: exchange.requestId,
    method: request.method,
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    operation_id: operation?.operationId ?? null,
    api_key: key ? maskKey(key) : null,
    idempotency_key: request.headers.get("idempotency-key"),
    body,
    status,
    fault,
    received_at: exchange.context.now().toISOString(),
  });
}

/** Applies an injected fault; returns the response that replaces the operation, or null to carry on. */
async function applyFault(exchange: Exchange): Promise<Response | null> {
  const rule = exchange.context.faults.take(exchange.request.method, new URL(exchange.request.url).pathname);
  if (!rule) return null;
  if (rule.delayMs) await delay(rule.delayMs);
  exchange.fault = rule.drop ? "drop" : rule.status !== undefined ? "status" : "delay";
  if (rule.drop) {
    record(exchange, 0);
    return HttpResponse.error();
  }
  if (rule.status === undefined) return null;
  record(exchange, rule.status);
  return errorResponse(faultDetails(rule, exchange.context), exchange.requestId);
}

type Execute = (input: ValidatedInput) => Promise<Response> | Response;

async function runPolicies(
  exchange: Exchange,
  operation: OperationSpec,
  execute: Execute,
): Promise<Response> {
  const { context, request, requestId } = exchange;
  const rateHeaders: Record<string, string> = {};
  try {
    const key = authenticate(request, context.keys);
    Object.assign(rateHeaders, context.rateLimiter.consume(key.key));
    requireScopes(key, operation.scopes);
    if (!exchange.bodyIsUtf8) {
      throw new ApiError({
        status: 400,
        code: "invalid_encoding",
        message: "The request body is not valid UTF-8; send JSON encoded as UTF-8.",
      });
    }
    const input = validateRequest(operation, request, exchange.bodyText);
    const produce = async () => {
      try {
        return await execute(input);
      } catch (thrown) {
        return errorResponse(toErrorDetails(thrown), requestId);
      }
    };
    const idempotencyKey = request.headers.get("idempotency-key");
    const response =
      idempotencyKey && request.method === "POST"
        ? await context.idempotency.run(key.key, idempotencyKey, request, exchange.bodyText, produce)
        : await produce();
    return withHeaders(response, { ...rateHeaders, "X-Request-Id": requestId });
  } catch (thrown) {
    const details = toErrorDetails(thrown);
    return errorResponse({ ...details, headers: { ...rateHeaders, ...details.headers } }, requestId);
  }
}

function withHeaders(response: Response, headers: Record<string, string>): Response {
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

/** The body as text; bytes that are not UTF-8 are reported, and decoded leniently only for the request log. */
async function readBodyText(request: Request): Promise<{ text: string; isUtf8: boolean }> {
  if (request.method === "GET" || request.method === "HEAD") return { text: "", isUtf8: true };
  const bytes = new Uint8Array(await request.clone().arrayBuffer());
  try {
    return { text: strictUtf8.decode(bytes), isUtf8: true };
  } catch {
    return { text: new TextDecoder().decode(bytes), isUtf8: false };
  }
}

/**
 * Runs one request through faults, auth, rate limit, scopes, validation and idempotency, then `execute`.
 * `operation` is null for paths outside the spec (the 404/405 fallback), which skip the policies.
 */
export async function handleExchange(
  context: MockContext,
  request: Request,
  operation: OperationSpec | null,
  execute: Execute,
): Promise<Response> {
  const requestId = context.requestIds.next();
  const { text: bodyText, isUtf8: bodyIsUtf8 } = await readBodyText(request);
  const exchange: Exchange = { context, request, requestId, bodyText, bodyIsUtf8, operation, fault: null };
  const faulted = await applyFault(exchange);
  if (faulted) return faulted;
  let response: Response;
  if (operation) {
    response = await runPolicies(exchange, operation, execute);
  } else {
    try {
      response = withHeaders(await execute({ path: {}, query: {}, body: undefined }), {
        "X-Request-Id": requestId,
      });
    } catch (thrown) {
      response = errorResponse(toErrorDetails(thrown), requestId);
    }
  }
  record(exchange, response.status);
  return response;
}

/**
 * Wraps an openapi-msw resolver of `operationId` with the policies. The resolver receives msw's info and
 * the validated input; it may throw `ApiError`.
 */
export function operation<Info extends { request: Request }, Result extends Response>(
  context: MockContext,
  operationId: string,
  resolver: (info: Info, input: ValidatedInput) => Promise<Result> | Result,
) {
  return (info: Info): Promise<Result> =>
    // The pipeline may answer with one of the operation's documented error responses instead of `Result`.
    handleExchange(context, info.request, getOperation(operationId), (input) =>
      resolver(info, input),
    ) as Promise<Result>;
}
