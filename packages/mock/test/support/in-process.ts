import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll } from "vitest";
import { createMock, type MockOptions } from "../../src/index";
import { FIXTURE_KEYS } from "../../src/policies/keys";

export const BASE_URL = "https://api.embott.com/v1";
export const ADMIN_KEY = FIXTURE_KEYS.admin;
export const DEFAULT_KEY = FIXTURE_KEYS.default;

export interface CallOptions {
  key?: string | null;
  body?: unknown;
  headers?: Record<string, string>;
}

/** fetch against the in-process API with an admin key and a JSON body by default. */
export function call(method: string, path: string, options: CallOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { ...options.headers };
  const key = options.key === undefined ? ADMIN_KEY : options.key;
  if (key !== null) headers.authorization = `Bearer ${key}`;
  if (options.body !== undefined) headers["content-type"] = "application/json";
  return fetch(`${BASE_URL}${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
}

export async function json<T>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

/** One mock and an msw server for the test file; the mock is reset after every test. */
export function useMock(options: MockOptions = {}) {
  const mock = createMock(options);
  const server = setupServer(...mock.handlers);
  beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
  afterEach(() => {
    server.resetHandlers();
    mock.reset();
  });
  afterAll(() => server.close());
  return { mock, server };
}
