import type { CallResult } from "../internal/transport";

/** A result with the request id of the response that produced it (non-enumerable: absent from JSON). */
export type WithRequestId<T> = T extends object ? T & { readonly _requestId: string | null } : T;

export interface WithResponse<T> {
  data: WithRequestId<T>;
  /** The raw fetch Response (its body has already been read, except for streams). */
  response: Response;
  requestId: string | null;
}

/**
 * The value every generated method returns: awaitable like a Promise of the parsed result, plus
 * `.withResponse()`. The request starts at once (not on first await), like a normal Promise-returning call.
 */
export class APIPromise<T> implements PromiseLike<WithRequestId<T>> {
  readonly #call: Promise<CallResult>;
  readonly #transform: (result: CallResult) => T | Promise<T>;
  #parsed: Promise<WithRequestId<T>> | undefined;

  constructor(call: Promise<CallResult>, transform: (result: CallResult) => T | Promise<T>) {
    this.#call = call;
    this.#transform = transform;
    // A call nobody awaits must not crash the process with an unhandled rejection.
    call.catch(() => {});
  }

  /** The parsed data together with the raw Response and request id. */
  async withResponse(): Promise<WithResponse<T>> {
    const [data, result] = await Promise.all([this.#parse(), this.#call]);
    return { data, response: result.response, requestId: result.requestId };
  }

  // biome-ignore lint/suspicious/noThenProperty: APIPromise is deliberately thenable.
  then<Fulfilled = WithRequestId<T>, Rejected = never>(
    onfulfilled?: ((value: WithRequestId<T>) => Fulfilled | PromiseLike<Fulfilled>) | null,
    onrejected?: ((reason: unknown) => Rejected | PromiseLike<Rejected>) | null,
  ): Promise<Fulfilled | Rejected> {
    return this.#parse().then(onfulfilled, onrejected);
  }

  catch<Rejected = never>(
    onrejected?: ((reason: unknown) => Rejected | PromiseLike<Rejected>) | null,
  ): Promise<WithRequestId<T> | Rejected> {
    return this.#parse().catch(onrejected);
  }

  finally(onfinally?: (() => void) | null): Promise<WithRequestId<T>> {
    return this.#parse().finally(onfinally);
  }

  get [Symbol.toStringTag](): string {
    return "APIPromise";
  }

  #parse(): Promise<WithRequestId<T>> {
    this.#parsed ??= this.#call.then(async (result) =>
      attachRequestId(await this.#transform(result), result.requestId),
    );
    return this.#parsed;
  }
}

/** Defines a non-enumerable `_requestId` on object results; primitives pass through. */
export function attachRequestId<T>(value: T, requestId: string | null): WithRequestId<T> {
  if (typeof value === "object" && value !== null && Object.isExtensible(value)) {
    Object.defineProperty(value, "_requestId", { value: requestId, enumerable: false, configurable: true });
  }
  return value as WithRequestId<T>;
}
