import type { FaultRule } from "../faults/fault-queue";
import { invalidRequest } from "../policies/errors";
import type { Schemas } from "../store/types";
import { assertEventData, assertEventType, exampleEventData } from "../webhooks/events";

/** Control endpoints speak snake_case JSON like the API; these read their bodies. */
export async function readJsonObject(request: Request): Promise<Record<string, unknown>> {
  const text = await request.text();
  if (text.trim() === "") return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw invalidRequest("invalid_json", "The request body is not valid JSON.", null);
  }
  if (!value || typeof value !== "object" || Array.isArray(value)) {
    throw invalidRequest("parameter_invalid", "The request body must be a JSON object.", null);
  }
  return value as Record<string, unknown>;
}

function snakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

/**
 * Rejects keys the endpoint does not know, naming them (the JS API is camelCase, HTTP bodies are
 * snake_case: `retryAfter` gets "did you mean retry_after?"). `at` prefixes nested names.
 */
export function assertKnownKeys(body: Record<string, unknown>, known: readonly string[], at = ""): void {
  const unknown = Object.keys(body).filter((key) => !known.includes(key));
  if (unknown.length === 0) return;
  const described = unknown.map((key) =>
    known.includes(snakeCase(key)) ? `${at}${key} (did you mean ${at}${snakeCase(key)}?)` : `${at}${key}`,
  );
  throw invalidRequest(
    "parameter_unknown",
    `Received unknown parameter(s): ${described.join(", ")}. Known: ${known.join(", ")}.`,
    `${at}${unknown[0]}`,
  );
}

/** A nested object parameter (`rate_limit`), or undefined when absent. */
function optionalObject(body: Record<string, unknown>, name: string): Record<string, unknown> | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "object" || Array.isArray(value))
    throw invalidRequest("parameter_invalid", `${name} must be an object.`, name);
  return value as Record<string, unknown>;
}

function optional<T>(
  body: Record<string, unknown>,
  name: string,
  type: "number" | "string" | "boolean",
): T | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== type) throw invalidRequest("parameter_invalid", `${name} must be a ${type}.`, name);
  return value as T;
}

/** `{ method, path, times, status, retry_after, drop, delay_ms }` → a {@link FaultRule}. */
export function readFaultRule(body: Record<string, unknown>): FaultRule {
  assertKnownKeys(body, ["method", "path", "times", "status", "retry_after", "drop", "delay_ms"]);
  const path = optional<string>(body, "path", "string");
  if (!path) throw invalidRequest("parameter_missing", "Missing required parameter: path.", "path");
  return {
    path,
    method: optional<string>(body, "method", "string"),
    times: optional<number>(body, "times", "number"),
    status: optional<number>(body, "status", "number"),
    retryAfter: optional<number>(body, "retry_after", "number"),
    drop: optional<boolean>(body, "drop", "boolean"),
    delayMs: optional<number>(body, "delay_ms", "number"),
  };
}

export function readKeyRegistration(body: Record<string, unknown>): { key: string; scopes: string[] } {
  assertKnownKeys(body, ["key", "scopes"]);
  const key = optional<string>(body, "key", "string");
  if (!key) throw invalidRequest("parameter_missing", "Missing required parameter: key.", "key");
  const scopes = body.scopes;
  if (!Array.isArray(scopes) || !scopes.every((scope) => typeof scope === "string")) {
    throw invalidRequest("parameter_invalid", "scopes must be an array of strings.", "scopes");
  }
  return { key, scopes };
}

export interface ConfigUpdate {
  rateLimit?: { limit?: number; windowMs?: number };
  webhookSchedule?: { timeScale?: number; retryDelaysMs?: number[]; timeoutMs?: number };
}

function positiveNumber(body: Record<string, unknown>, name: string, at: string): number | undefined {
  const value = optional<number>(body, name, "number");
  if (value !== undefined && !(value > 0 && Number.isFinite(value)))
    throw invalidRequest("parameter_invalid", `${at}${name} must be a positive number.`, `${at}${name}`);
  return value;
}

function readRateLimit(rate: Record<string, unknown>): ConfigUpdate["rateLimit"] {
  assertKnownKeys(rate, ["limit", "window_ms"], "rate_limit.");
  const limit = positiveNumber(rate, "limit", "rate_limit.");
  if (limit !== undefined && !Number.isInteger(limit))
    throw invalidRequest("parameter_invalid", "rate_limit.limit must be an integer.", "rate_limit.limit");
  return { limit, windowMs: positiveNumber(rate, "window_ms", "rate_limit.") };
}

function readSchedule(schedule: Record<string, unknown>): ConfigUpdate["webhookSchedule"] {
  assertKnownKeys(schedule, ["time_scale", "retry_delays_ms", "timeout_ms"], "webhook_schedule.");
  const delays = schedule.retry_delays_ms;
  if (
    delays !== undefined &&
    !(Array.isArray(delays) && delays.every((d) => typeof d === "number" && Number.isFinite(d) && d >= 0))
  ) {
    throw invalidRequest(
      "parameter_invalid",
      "webhook_schedule.retry_delays_ms must be an array of non-negative numbers.",
      "webhook_schedule.retry_delays_ms",
    );
  }
  return {
    timeScale: positiveNumber(schedule, "time_scale", "webhook_schedule."),
    retryDelaysMs: delays as number[] | undefined,
    timeoutMs: positiveNumber(schedule, "timeout_ms", "webhook_schedule."),
  };
}

/** `{ rate_limit: { limit, window_ms }, webhook_schedule: { time_scale, retry_delays_ms, timeout_ms } }`. */
export function readConfigUpdate(body: Record<string, unknown>): ConfigUpdate {
  assertKnownKeys(body, ["rate_limit", "webhook_schedule"]);
  const rate = optionalObject(body, "rate_limit");
  const schedule = optionalObject(body, "webhook_schedule");
  return {
    rateLimit: rate ? readRateLimit(rate) : undefined,
    webhookSchedule: schedule ? readSchedule(schedule) : undefined,
  };
}

/** `{ url, events, description? }` where `url` may be any http(s) URL, including 127.0.0.1. */
export function readSubscription(body: Record<string, unknown>): Schemas["CreateWebhookRequest"] {
  assertKnownKeys(body, ["url", "events", "description"]);
  const url = optional<string>(body, "url", "string");
  if (!url || !/^https?:\/\/\S+$/.test(url))
    throw invalidRequest("parameter_invalid", "url must be an http(s) URL.", "url");
  const events = body.events;
  if (!Array.isArray(events) || events.length === 0) {
    throw invalidRequest("parameter_invalid", "events must be a non-empty array of event types.", "events");
  }
  for (const type of events) assertEventType(type);
  return { url, events, description: optional<string>(body, "description", "string") };
}

/** `{ type, data? }`: `data` must match the event's payload schema in the spec (default: the spec's example). */
export function readEventTrigger(body: Record<string, unknown>): { type: string; data: unknown } {
  assertKnownKeys(body, ["type", "data"]);
  assertEventType(body.type);
  if (body.data === undefined) return { type: body.type, data: exampleEventData(body.type) };
  assertEventData(body.type, body.data);
  return { type: body.type, data: body.data };
}

/** `{ grace_period_ms? }` of a secret rotation (a non-negative number of ms). */
export function readRotation(body: Record<string, unknown>): number | undefined {
  assertKnownKeys(body, ["grace_period_ms"]);
  const grace = optional<number>(body, "grace_period_ms", "number");
  if (grace !== undefined && !(Number.isFinite(grace) && grace >= 0))
    throw invalidRequest(
      "parameter_invalid",
      "grace_period_ms must be a non-negative number.",
      "grace_period_ms",
    );
  return grace;
}
