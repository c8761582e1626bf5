import type { AttemptSignal } from "../internal/fetch-timeout";
import { readServerSentEvents } from "../internal/sse-parser";
import {
  DEFAULT_REQUEST_ID_HEADER,
  type ErrorContext,
  errorFromStreamEvent,
  SDKError,
  StreamTruncatedError,
} from "./error";

/** The `x-embott-streaming` fields the runtime needs, passed by the generated streaming method. */
export interface StreamDescriptor {
  /** Field naming each event's kind (also the SSE `event:` name). Default "type". */
  discriminator?: string;
  /** Kind of the event that ends the stream and carries the whole result. */
  final?: string;
  /** Kind (or SSE `event:` name) of error events, thrown as `APIError`. Default "error". */
  errorEvent?: string;
  /** "json" (default): each `data` is parsed. "text": each `data` string is yielded as is (non-JSON events). */
  parse?: "json" | "text";
}

/**
 * A typed SSE stream: `for await (const event of stream)` yields each `data:` payload parsed as JSON (or the raw
 * string with `parse: "text"`; `[DONE]` is skipped either way).
 * Leaving the loop early (break, return, throw) aborts the HTTP request. A stream can be consumed once.
 *
 * Failures are typed: a connection reset mid-stream is an `APIConnectionError`; no bytes for the request
 * timeout (the idle timeout) an `APIConnectionTimeoutError`; a stream that ends before its final event (when
 * the API declares one) a `StreamTruncatedError`; an `error` event an `APIError`.
 */
export class Stream<Event, Final extends Event = Event> implements AsyncIterable<Event> {
  readonly response: Response;
  readonly requestId: string | null;
  readonly #attempt: AttemptSignal;
  readonly #descriptor: Required<Pick<StreamDescriptor, "discriminator" | "errorEvent">> & StreamDescriptor;
  readonly #errorContext: ErrorContext;
  #consumed = false;

  constructor(
    response: Response,
    attempt: AttemptSignal,
    descriptor: StreamDescriptor,
    errorContext: ErrorContext,
  ) {
    this.response = response;
    this.requestId = response.headers.get(errorContext.requestIdHeader ?? DEFAULT_REQUEST_ID_HEADER);
    this.#attempt = attempt;
    this.#descriptor = { discriminator: "type", errorEvent: "error", ...descriptor };
    this.#errorContext = errorContext;
  }

  /** Aborts the underlying request. */
  abort(): void {
    this.#attempt.controller.abort();
    this.#attempt.dispose();
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Event, void, undefined> {
    if (this.#consumed)
      throw new SDKError("This stream has already been consumed; a stream can be iterated once.");
    this.#consumed = true;
    if (!this.response.body) throw new SDKError("The streaming response has no body.");
    let finished = false;
    let ended = false;
    const finalKind = this.#descriptor.final;
    try {
      for await (const sse of readServerSentEvents(this.response.body, () =>
        this.#attempt.armIdleTimeout(),
      )) {
        this.#attempt.clearTimeout(); // the consumer's time between events is not the server's idleness
        if (sse.data === "[DONE]") ended = true;
        const event = this.#parse(sse.event, sse.data);
        if (event === undefined) continue;
        if (finalKind !== undefined && this.#kindOf(event) === finalKind) ended = true;
        yield event;
      }
      if (!ended && finalKind !== undefined) {
        throw new StreamTruncatedError(
          `The stream closed before its final "${finalKind}" event: the result is incomplete. Retry the request.`,
        );
      }
      finished = true;
    } catch (error) {
      const typed = error instanceof SDKError ? error : this.#attempt.classify(error);
      typed.idempotencyKey ??= this.#errorContext.idempotencyKey;
      throw typed;
    } finally {
      if (finished) this.#attempt.dispose();
      else this.abort();
    }
  }

  /**
   * Consumes the stream and returns its final event (the descriptor's `final` kind, e.g. `message.completed`
   * carrying the whole message), typed `Final` when the generated method names it. Throws
   * `StreamTruncatedError` when the stream ends without it.
   */
  async finalMessage(): Promise<Final> {
    const finalKind = this.#descriptor.final;
    if (!finalKind) throw new SDKError("This stream has no final event kind; iterate it instead.");
    let last: Event | undefined;
    for await (const event of this) {
      if (this.#kindOf(event) === finalKind) last = event;
    }
    if (last === undefined) throw new SDKError(`The stream ended without a "${finalKind}" event.`);
    return last as Final;
  }

  #parse(sseEvent: string, data: string): Event | undefined {
    if (data === "[DONE]") return undefined;
    const { discriminator, errorEvent, parse } = this.#descriptor;
    if (parse === "text") {
      if (sseEvent === errorEvent) throw this.#streamError(jsonOrText(data));
      return data as Event;
    }
    let payload: unknown;
    try {
      payload = JSON.parse(data);
    } catch (error) {
      throw new SDKError(`Could not parse the data of a "${sseEvent}" stream event as JSON.`, {
        cause: error,
      });
    }
    if (isRecord(payload) && payload[discriminator] === undefined && sseEvent !== "message") {
      payload[discriminator] = sseEvent; // the SSE event name is the kind when the payload omits it
    }
    if (sseEvent === errorEvent || this.#kindOf(payload) === errorEvent) throw this.#streamError(payload);
    return payload as Event;
  }

  #streamError(payload: unknown): SDKError {
    return errorFromStreamEvent(payload, this.response.headers, this.#errorContext);
  }

  #kindOf(event: unknown): unknown {
    return isRecord(event) ? event[this.#descriptor.discriminator] : undefined;
  }
}

/** An error event's body in a text stream: JSON when it is, else the text as the message. */
function jsonOrText(data: string): unknown {
  try {
    return JSON.parse(data);
  } catch {
    return { error: { type: "error", message: data } };
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
