import { invalidRequest } from "../policies/errors";
import { deref, type JsonSchema, loadSpec } from "../spec/load";
import { undeclaredProperties } from "../spec/strict";
import { checkAgainstSchema } from "../spec/validator";

/** The event types the spec's top-level `webhooks` declares. */
export function eventTypes(): string[] {
  return Object.keys(loadSpec().webhooks ?? {});
}

export function assertEventType(type: unknown): asserts type is string {
  if (typeof type !== "string" || !eventTypes().includes(type)) {
    throw invalidRequest("parameter_invalid", `type must be one of: ${eventTypes().join(", ")}.`, "type");
  }
}

/** The schema of a whole event of `type` (the spec's `webhooks.<type>` request body). */
export function eventSchema(type: string): JsonSchema {
  const schema = loadSpec().webhooks?.[type]?.post?.requestBody?.content?.["application/json"]?.schema;
  if (!schema) throw new Error(`spec/openapi.yaml has no payload schema for webhook ${type}`);
  return schema;
}

/** 400 naming `data` (or a field inside it) when it does not strictly match the event's payload schema. */
export function assertEventData(type: string, data: unknown): void {
  const properties = deref<JsonSchema>(loadSpec(), eventSchema(type)).properties as
    | Record<string, JsonSchema>
    | undefined;
  const schema = properties?.data ?? {};
  const issue = checkAgainstSchema(schema, data, "data");
  if (issue) throw invalidRequest(issue.code, `${issue.message} (payload of ${type})`, issue.param);
  const [extra] = undeclaredProperties(schema, data, "data");
  if (extra) throw invalidRequest("parameter_unknown", `Received unknown parameter: ${extra}.`, extra);
}

/** The `data` of the spec's first example for an event type (used when a test triggers an event without data). */
export function exampleEventData(type: string): unknown {
  const media = loadSpec().webhooks?.[type]?.post?.requestBody?.content?.["application/json"] as
    | { examples?: Record<string, { value?: { data?: unknown } }> }
    | undefined;
  const first = Object.values(media?.examples ?? {})[0];
  return structuredClone(first?.value?.data ?? {});
}
