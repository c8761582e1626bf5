import type { FaultRule } from "../faults/fault-queue";
import { invalidRequest } from "../policies/errors";
import type { Schemas } from "../store/types";
import { assertEventType } from "../webhooks/events";

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
  webhookSchedule?: { timeScale?: number; retryDelaysMs?: number[] };
}

function positiveNumber(body: Record<string, unknown>, name: string): number | undefined {
  const value = optional<number>(body, name, "number");
  if (value !== undefined && !(value > 0))
    throw invalidRequest("parameter_invalid", `${name} must be positive.`, name);
  return value;
}

/** `{ rate_limit: { limit, window_ms }, webhook_schedule: { time_scale, retry_delays_ms } }`. */
export function readConfigUpdate(body: Record<string, unknown>): ConfigUpdate {
  const update: ConfigUpdate = {};
  const rate = body.rate_limit as Record<string, unknown> | undefined;
  if (rate)
    update.rateLimit = { limit: positiveNumber(rate, "limit"), windowMs: positiveNumber(rate, "window_ms") };
  const schedule = body.webhook_schedule as Record<string, unknown> | undefined;
  if (schedule) {
    const delays = schedule.retry_delays_ms;
    if (
      delays !== undefined &&
      !(Array.isArray(delays) && delays.every((d) => typeof d === "number" && d >= 0))
    ) {
      throw invalidRequest(
        "parameter_invalid",
        "retry_delays_ms must be an array of non-negative numbers.",
        "retry_delays_ms",
      );
    }
    update.webhookSchedule = {
      timeScale: positiveNumber(schedule, "time_scale"),
      retryDelaysMs: delays as number[] | undefined,
    };
  }
  return update;
}

/** `{ url, events, description? }` where `url` may be any http(s) URL, including 127.0.0.1. */
export function readSubscription(body: Record<string, unknown>): Schemas["CreateWebhookRequest"] {
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
