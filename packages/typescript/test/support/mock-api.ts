import { API_BASE_URL, createMock, type EmbottMock, FIXTURE_KEYS, type MockOptions } from "@embott/mock";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll } from "vitest";
import { type ClientOptions, Embott } from "../../src/index";

export { API_BASE_URL, FIXTURE_KEYS };

/**
 * The SDK client with retry waits recorded instead of slept (the runtime's protected `sleep` hook), so retry
 * tests run instantly and can assert the exact waits the SDK chose.
 */
export class RecordingEmbott extends Embott {
  readonly sleeps: number[] = [];

  protected override sleep(ms: number): Promise<void> {
    this.sleeps.push(ms);
    return Promise.resolve();
  }
}

export interface MockApi {
  mock: EmbottMock;
  /** A client for the in-process API; admin key unless `apiKey` says otherwise. */
  client(options?: ClientOptions): RecordingEmbott;
}

/** One in-process mock (msw) per test file, reset after every test. */
export function useMockApi(options: MockOptions = {}): MockApi {
  const mock = createMock(options);
  const server = setupServer(...mock.handlers);
  beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
  afterEach(() => {
    server.resetHandlers();
    mock.reset();
  });
  afterAll(() => server.close());
  return {
    mock,
    client: (clientOptions = {}) =>
      new RecordingEmbott({ apiKey: FIXTURE_KEYS.admin, baseURL: API_BASE_URL, ...clientOptions }),
  };
}

/** Runs `action` and returns the error it rejects with (failing when it resolves). */
export async function rejectionOf(action: () => PromiseLike<unknown>): Promise<unknown> {
  try {
    await action();
  } catch (error) {
    return error;
  }
  throw new Error("expected the call to reject, but it resolved");
}
