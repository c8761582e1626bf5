import { afterEach, describe, expect, it, vi } from "vitest";
import { SDKError } from "../src/core/error";
import type { SDKConfig } from "../src/core/options";
import { isBrowserLike } from "../src/internal/env";
import { Embott } from "./helpers/embott-fixture";
import { TEST_CONFIG, TestClient } from "./helpers/test-client";

/** Makes this Node process look like a browser page while `build` runs (synchronously), then restores it. */
function inFakeBrowser(build: () => unknown): unknown {
  vi.stubGlobal("window", {});
  vi.stubGlobal("document", {});
  vi.stubGlobal("process", { env: {}, versions: {} });
  try {
    return build();
  } catch (error) {
    return error;
  } finally {
    vi.unstubAllGlobals();
  }
}

describe("browser safety (dangerouslyAllowBrowser)", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("refuses to construct a client in a browser page", () => {
    const error = inFakeBrowser(() => new Embott());
    expect(error).toBeInstanceOf(SDKError);
    expect((error as Error).message).toMatch(
      /looks like a browser, where your API key would be visible .* pass \{ dangerouslyAllowBrowser: true \} to new Embott\(\)/,
    );
  });

  it("constructs with dangerouslyAllowBrowser, or when the API needs no key", () => {
    expect(inFakeBrowser(() => new Embott({ dangerouslyAllowBrowser: true }))).toBeInstanceOf(Embott);
    const noAuth: SDKConfig = { ...TEST_CONFIG, auth: { kind: "none" } };
    expect(inFakeBrowser(() => new TestClient({}, noAuth))).toBeInstanceOf(TestClient);
  });

  it("treats only a page with window and document, outside Node/Deno/Bun, as a browser", () => {
    const page = { window: {}, document: {} };
    expect(isBrowserLike(page)).toBe(true);
    expect(isBrowserLike(globalThis)).toBe(false); // Node
    expect(isBrowserLike({ ...page, process: { versions: { node: "20.0.0" } } })).toBe(false); // jsdom tests
    expect(isBrowserLike({ ...page, Deno: {} })).toBe(false);
    expect(isBrowserLike({ ...page, Bun: {} })).toBe(false);
    expect(isBrowserLike({ self: {}, importScripts: () => {} })).toBe(false); // web worker
  });
});
