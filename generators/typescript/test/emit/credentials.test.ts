import { execFile } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { emitDocument, fileOf, response, tinySpec } from "./support";

const run = promisify(execFile);
const TSC = createRequire(import.meta.url).resolve("typescript/bin/tsc");
const roots: string[] = [];
afterAll(async () => {
  for (const root of roots) await rm(root, { recursive: true, force: true });
});
afterEach(() => vi.unstubAllEnvs());

const ping = {
  "/ping": {
    get: { tags: ["health"], operationId: "ping", responses: { 200: response({ type: "object" }) } },
  },
};

/** Writes the emitted package (scaffold included) into a temp dir, plus `extra` files; returns the dir. */
async function writePackage(files: Map<string, string>, extra: Record<string, string> = {}): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), "embott-credentials-"));
  roots.push(root);
  for (const [path, contents] of [...files, ...Object.entries(extra)]) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), contents);
  }
  return root;
}

describe("a spec without security schemes: the client has no apiKey option and reads no key from the env", () => {
  it("types the options without apiKey, emits no apiKeyEnv, and builds without any env var", async () => {
    const { plan, files } = await emitDocument(tinySpec(ping));
    expect(plan.client.auth.credentials).toEqual([]);
    const client = fileOf(files, "src/client.ts");
    expect(client).toContain("constructor(options: NoAuthClientOptions = {})");
    expect(client).not.toContain("apiKeyEnv");
    expect(client).toContain('auth: { kind: "none" }');
    expect(fileOf(files, "README.md")).toContain("const client = new Tiny();");

    // Type level: passing apiKey is an error (checked by tsc over the package as emitted).
    const check = [
      'import { Tiny } from "./index.js";',
      "new Tiny();",
      'new Tiny({ baseURL: "http://localhost:1" });',
      "// @ts-expect-error the API takes no credentials",
      'new Tiny({ apiKey: "k" });',
      "",
    ].join("\n");
    const root = await writePackage(files, { "src/check-no-api-key.ts": check });
    const result = await run(process.execPath, [TSC, "-p", join(root, "tsconfig.json"), "--noEmit"]).then(
      () => "",
      (error: { stdout?: string }) => error.stdout ?? String(error),
    );
    expect(result).toBe("");

    // Runtime: a key in the plan's would-be env var is neither required nor read nor sent.
    vi.stubEnv("TINY_API_KEY", "sk_from_env");
    vi.stubEnv("EMBOTT_API_KEY", "sk_from_env");
    const { Tiny } = (await import(join(root, "src/index.ts"))) as {
      Tiny: new (options: object) => { request(spec: object): Promise<unknown> };
    };
    let sent: Headers | undefined;
    const fetch = async (_url: string | URL | Request, init?: RequestInit) => {
      sent = new Headers(init?.headers);
      return new Response("{}", { headers: { "content-type": "application/json" } });
    };
    await new Tiny({ baseURL: "http://127.0.0.1:9", fetch }).request({ method: "get", path: "/ping" });
    expect(sent?.get("authorization")).toBeNull();
  }, 60_000);
});

describe("credentials come from the plan: one option per scheme, its env var, its placement", () => {
  const security = {
    components: {
      securitySchemes: {
        token: { type: "http", scheme: "bearer" },
        session: { type: "apiKey", in: "cookie", name: "sid" },
      },
    },
    security: [{ token: [] }, { session: [] }],
  };

  it("the primary feeds apiKey with its plan env var; a cookie scheme is its own option sent as a cookie", async () => {
    const { plan, files } = await emitDocument(tinySpec(ping, security));
    const [primary, session] = plan.client.auth.credentials;
    const client = fileOf(files, "src/client.ts");
    expect(client).toContain(`apiKeyEnv: "${primary!.env}"`);
    expect(client).toContain('auth: { kind: "bearer" }');
    expect(session!.name).toEqual(["sid"]);
    expect(client).toContain(`sid: { scheme: { kind: "cookie", name: "sid" }, env: "${session!.env}" }`);
    expect(client).toContain('security: [["apiKey"], ["sid"]]');
    expect(client).toContain("export interface TinyOptions extends ClientOptions");

    const root = await writePackage(files);
    const { Tiny } = (await import(join(root, "src/index.ts"))) as {
      Tiny: new (options: object) => { health: { ping(): Promise<unknown> } };
    };
    const sent: Headers[] = [];
    const fetch = async (_url: string | URL | Request, init?: RequestInit) => {
      sent.push(new Headers(init?.headers));
      return new Response("{}", { headers: { "content-type": "application/json" } });
    };
    const baseURL = "http://127.0.0.1:9";
    vi.stubEnv(session!.env, "sess_from_env");
    await new Tiny({ baseURL, fetch }).health.ping();
    await new Tiny({ baseURL, fetch, apiKey: "tok_1" }).health.ping();
    expect(sent.map((headers) => [headers.get("cookie"), headers.get("authorization")])).toEqual([
      ["sid=sess_from_env", null],
      [null, "Bearer tok_1"],
    ]);
  }, 60_000);
});

describe("an optional root security (an empty alternative) lets the client be built without credentials", () => {
  it("builds without apiKey and sends nothing; with apiKey it sends the token", async () => {
    const optional = {
      components: { securitySchemes: { token: { type: "http", scheme: "bearer" } } },
      security: [{ token: [] }, {}],
    };
    const { files } = await emitDocument(tinySpec(ping, optional));
    expect(fileOf(files, "src/client.ts")).toContain('security: [["apiKey"], []]');
    const root = await writePackage(files);
    const { Tiny } = (await import(join(root, "src/index.ts"))) as {
      Tiny: new (options: object) => { health: { ping(): Promise<unknown> } };
    };
    const sent: (string | null)[] = [];
    const fetch = async (_url: string | URL | Request, init?: RequestInit) => {
      sent.push(new Headers(init?.headers).get("authorization"));
      return new Response("{}", { headers: { "content-type": "application/json" } });
    };
    const baseURL = "http://127.0.0.1:9";
    await new Tiny({ baseURL, fetch }).health.ping();
    await new Tiny({ baseURL, fetch, apiKey: "tok_1" }).health.ping();
    expect(sent).toEqual([null, "Bearer tok_1"]);
  }, 60_000);
});
