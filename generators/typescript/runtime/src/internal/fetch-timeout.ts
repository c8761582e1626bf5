import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIUserAbortError,
  type SDKError,
} from "../core/error";
import { scrubError, scrubSecrets } from "./redact";

/** setTimeout overflows (and fires at once) above 2^31 − 1 ms, so longer timeouts are clamped to it. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** undici's own limits (300 s by default on Node's global fetch) surface as these cause codes. */
const UNDICI_TIMEOUT_CODES = new Set([
  "UND_ERR_HEADERS_TIMEOUT",
  "UND_ERR_BODY_TIMEOUT",
  "UND_ERR_CONNECT_TIMEOUT",
]);

/** One attempt's abort signal: fires on the per-attempt timeout or when the caller's signal aborts. */
export class AttemptSignal {
  readonly controller = new AbortController();
  #timedOut = false;
  #idle = false;
  #timer: ReturnType<typeof setTimeout> | undefined;
  readonly #userSignal: AbortSignal | undefined;
  readonly #onUserAbort = () => this.controller.abort(this.#userSignal?.reason);

  constructor(
    readonly timeoutMs: number,
    userSignal: AbortSignal | undefined,
    /** Removed from every message and cause `classify` produces (the API key: fetch errors quote the URL). */
    readonly secrets: readonly string[] = [],
  ) {
    this.#userSignal = userSignal;
    if (userSignal?.aborted) this.controller.abort(userSignal.reason);
    userSignal?.addEventListener("abort", this.#onUserAbort, { once: true });
    this.#startTimer();
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get userAborted(): boolean {
    return this.#userSignal?.aborted === true;
  }

  /** Stops the timeout (the stream reader takes over) but keeps the link to the caller's signal. */
  clearTimeout(): void {
    clearTimeout(this.#timer);
  }

  /**
   * (Re)starts the timeout as an idle timeout: the stream reader calls it before each read, so a stream that
   * sends nothing for `timeoutMs` is aborted and `classify` reports an `APIConnectionTimeoutError`.
   */
  armIdleTimeout(): void {
    clearTimeout(this.#timer);
    this.#idle = true;
    this.#startTimer();
  }

  #startTimer(): void {
    this.#timer = setTimeout(
      () => {
        this.#timedOut = true;
        this.controller.abort(new Error(`timed out after ${this.timeoutMs} ms`));
      },
      Math.min(this.timeoutMs, MAX_TIMER_MS),
    );
  }

  /** Releases the timer and the listener on the caller's signal. */
  dispose(): void {
    clearTimeout(this.#timer);
    this.#userSignal?.removeEventListener("abort", this.#onUserAbort);
  }

  /** Maps whatever fetch or a body read threw to a typed error; `secrets` are scrubbed from message and cause. */
  classify(thrown: unknown): SDKError {
    const error = scrubError(thrown, this.secrets);
    if (this.userAborted) return new APIUserAbortError(undefined, { cause: error });
    if (this.#timedOut) {
      const message = this.#idle
        ? `The stream sent nothing for ${this.timeoutMs} ms (idle timeout = the request timeout); it was aborted.`
        : `Request timed out after ${this.timeoutMs} ms.`;
      return new APIConnectionTimeoutError(message, { cause: error });
    }
    const code = causeCode(error);
    if (code && UNDICI_TIMEOUT_CODES.has(code)) {
      return new APIConnectionTimeoutError(
        `Request timed out in the fetch implementation (${code}). Node's built-in fetch stops waiting after 300 s ` +
          "whatever the SDK timeout; for longer timeouts pass `fetch` or `fetchOptions.dispatcher` using an undici " +
          "Agent with headersTimeout and bodyTimeout set to 0.",
        { cause: error },
      );
    }
    const reason = causeMessages(error);
    const detail = scrubSecrets(
      code && !reason.includes(code) ? `${reason} (${code})` : reason,
      this.secrets,
    );
    return new APIConnectionError(`Connection error: ${detail}.`, { cause: error });
  }
}

/**
 * The messages down the cause chain, e.g. "fetch failed: connect ECONNREFUSED 127.0.0.1:4010", so the host, port
 * and code are in the message rather than two `cause` levels deep (an AggregateError lists its errors).
 */
function causeMessages(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current !== undefined && current !== null; depth++) {
    let message = current instanceof Error ? current.message : String(current);
    const inner = (current as { errors?: unknown }).errors;
    if (!message && Array.isArray(inner)) {
      message = inner.map((item) => (item instanceof Error ? item.message : String(item))).join("; ");
    }
    if (message && !parts.includes(message)) parts.push(message);
    current = typeof current === "object" ? (current as { cause?: unknown }).cause : undefined;
  }
  return parts.join(": ") || "unknown error";
}

function causeCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && typeof current === "object" && current !== null; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string") return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}
