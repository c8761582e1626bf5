import { splitWords } from "../../naming/words";
import type { BuildContext, SpecOperation } from "../context";
import { isObject, type Json, stringAt } from "../json";
import type { Name, Operation, Streaming } from "../types";

/** `x-embott-streaming` fields plus the twin's method name. */
export interface StreamingExtension {
  method: Name;
  streaming: Streaming;
}

/** Read `x-embott-streaming`; undefined when absent or without a usable `method`. */
export function readStreamingExtension(
  context: BuildContext,
  spec: SpecOperation,
): StreamingExtension | undefined {
  const extension = spec.operation["x-embott-streaming"];
  if (!isObject(extension)) return undefined;
  const method = stringAt(extension["method"]);
  if (!method || splitWords(method).length === 0) return undefined;
  return {
    method: { raw: method, words: splitWords(method) },
    streaming: streamingFields(context, extension),
  };
}

function streamingFields(context: BuildContext, extension: Json): Streaming {
  const flag = stringAt(extension["flag"]);
  const events = stringAt(extension["events"]);
  const discriminator = stringAt(extension["discriminator"]);
  const final = stringAt(extension["final"]);
  return {
    ...(flag ? { flag } : {}),
    ...(events
      ? {
          events: context.models.typeOf({ $ref: events }, events, splitWords(events.split("/").at(-1) ?? "")),
        }
      : {}),
    ...(discriminator ? { discriminator } : {}),
    ...(final ? { final } : {}),
  };
}

/** The streaming twin of `plain`: same call, flagged streaming, answering server-sent events. */
export function streamingTwin(plain: Operation, extension: StreamingExtension): Operation {
  const { streaming } = extension;
  const { pagination: _notPaged, ...rest } = plain;
  return {
    ...rest,
    name: extension.method,
    streaming,
    response: {
      status: plain.response.status,
      kind: "event-stream",
      mediaType: "text/event-stream",
      ...(streaming.events ? { type: streaming.events } : {}),
      headers: [],
    },
  };
}

/** A stream-only operation: its success response is `text/event-stream`. */
export function inferredStreaming(operation: Operation): Streaming | undefined {
  if (operation.response.kind !== "event-stream") return undefined;
  return operation.response.type ? { events: operation.response.type } : {};
}
