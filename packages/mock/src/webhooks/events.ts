import { invalidRequest } from "../policies/errors";
import { loadSpec } from "../spec/load";

/** The event types the spec's top-level `webhooks` declares. */
export function eventTypes(): string[] {
  return Object.keys(loadSpec().webhooks ?? {});
}

export function assertEventType(type: unknown): asserts type is string {
  if (typeof type !== "string" || !eventTypes().includes(type)) {
    throw invalidRequest("parameter_invalid", `type must be one of: ${eventTypes().join(", ")}.`, "type");
  }
}

/** The `data` of the spec's first example for an event type (used when a test triggers an event without data). */
export function exampleEventData(type: string): unknown {
  const media = loadSpec().webhooks?.[type]?.post?.requestBody?.content?.["application/json"] as
    | { examples?: Record<string, { value?: { data?: unknown } }> }
    | undefined;
  const first = Object.values(media?.examples ?? {})[0];
  return structuredClone(first?.value?.data ?? {});
}
