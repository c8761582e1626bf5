import { expect } from "vitest";
import { getOperation } from "../../src/spec/operations";
import { undeclaredProperties } from "../../src/spec/strict";
import { checkAgainstSchema } from "../../src/spec/validator";

/** Parses a `text/event-stream` body into `{ event, data }` records. */
export function parseSse(text: string): { event: string; data: unknown }[] {
  return text
    .split("\n\n")
    .filter((block) => block.trim() !== "")
    .map((block) => {
      const lines = block.split("\n");
      const event = lines.find((line) => line.startsWith("event: "))?.slice(7) ?? "";
      const data = JSON.parse(lines.find((line) => line.startsWith("data: "))?.slice(6) ?? "null");
      return { event, data };
    });
}

/**
 * Asserts that a response is one the operation documents: a declared status, `X-Request-Id` and every header
 * the spec marks required for that status (`Retry-After`, `X-RateLimit-*`, …), and a body
 * that validates against that status's schema (each SSE event against the stream schema) and carries no
 * property the schema does not declare (strict: objects are closed unless they declare additionalProperties).
 */
export async function expectConformingResponse(operationId: string, response: Response): Promise<unknown> {
  const operation = getOperation(operationId);
  const declared = operation.responses[String(response.status)];
  expect(declared, `${operationId} answered undeclared status ${response.status}`).toBeDefined();
  expect(response.headers.get("x-request-id")).toMatch(/^req_[A-Za-z0-9]+$/);
  for (const header of operation.requiredHeaders[String(response.status)] ?? []) {
    expect(
      response.headers.get(header),
      `${operationId} ${response.status} lacks required ${header}`,
    ).not.toBeNull();
  }
  const contentType = (response.headers.get("content-type") ?? "").split(";")[0] ?? "";
  const schema = declared?.[contentType];
  expect(schema, `${operationId} ${response.status} has no schema for ${contentType}`).toBeDefined();
  const text = await response.text();
  const isStream = contentType === "text/event-stream";
  if (isStream) {
    // The declared body is the stream as text; each event is checked against x-embott-streaming.events.
    expect(checkAgainstSchema(schema ?? {}, text, null), `${operationId} stream body`).toBeNull();
    expect(operation.streamEvents, `${operationId} names no x-embott-streaming.events`).toBeDefined();
  }
  const eventSchema = isStream ? operation.streamEvents : schema;
  const payloads = isStream ? parseSse(text).map((event) => event.data) : [JSON.parse(text)];
  for (const payload of payloads) {
    expect(
      checkAgainstSchema(eventSchema ?? {}, payload, null),
      `${operationId} ${response.status} body`,
    ).toBeNull();
    expect(
      undeclaredProperties(eventSchema ?? {}, payload),
      `${operationId} ${response.status} undeclared properties`,
    ).toEqual([]);
  }
  return payloads.length === 1 ? payloads[0] : payloads;
}
