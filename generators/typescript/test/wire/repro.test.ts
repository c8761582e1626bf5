import { existsSync, readdirSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { methodById, resourceById, type SdkPlan } from "@embott/codegen-core";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { REPRO_DIR } from "../../../../testdata/corpus";
import {
  type ErrorExpectation,
  type ReproCase,
  type RequestExpectation,
  reproCases,
} from "../../../../testdata/repro-cases";
import { type RecordedRequest, startRecorder } from "../../../../testdata/wire/recorder.mjs";
import { typescriptNaming } from "../../src/naming";
import { emitSpec } from "../emit/support";

// testdata/repro/cases.json (format: testdata/repro/README.md): each case's spec generated into a TypeScript SDK
// (once per spec), called against the recorder with scripted replies; the requests and the result are asserted.

const cases = reproCases();

type Method = (params?: unknown) => Promise<unknown> & AsyncIterable<unknown>;
type Client = Record<string, unknown>;
type ErrorClass = new (...args: never[]) => Error;

/** One generated SDK: its plan and the module exporting the client class and the runtime's error classes. */
interface Sdk {
  plan: SdkPlan;
  module: Record<string, unknown>;
  clientClass: new (options: object) => Client;
}

const sdks = new Map<string, Promise<Sdk>>();
const roots: string[] = [];
let recorder: { url: string; recorded: RecordedRequest[]; close(): Promise<unknown> };

beforeAll(async () => {
  recorder = await startRecorder(0);
});

afterEach(() => vi.unstubAllEnvs());

afterAll(async () => {
  await recorder?.close();
  for (const root of roots) await rm(root, { recursive: true, force: true });
});

/** Generates the spec's SDK into a temp dir once per run and imports it. */
function sdkFor(spec: string): Promise<Sdk> {
  let sdk = sdks.get(spec);
  if (!sdk) {
    sdk = generate(join(REPRO_DIR, spec));
    sdks.set(spec, sdk);
  }
  return sdk;
}

async function generate(specPath: string): Promise<Sdk> {
  const { plan, files } = await emitSpec(specPath);
  const root = await mkdtemp(join(tmpdir(), "embott-repro-"));
  roots.push(root);
  for (const [path, contents] of files) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), contents);
  }
  const module = (await import(join(root, "src/index.ts"))) as Record<string, unknown>;
  const clientClass = module[typescriptNaming.identifier(plan.client.name, "type")] as Sdk["clientClass"];
  return { plan, module, clientClass };
}

/** Scheme id → the client option holding its credential (`apiKey` for the plan's primary). */
function optionOf(plan: SdkPlan, scheme: string): string {
  const credential = plan.client.auth.credentials.find((candidate) => candidate.scheme === scheme);
  if (!credential) throw new Error(`the plan has no credential for scheme ${scheme}`);
  return typescriptNaming.identifier(credential.name, "property");
}

/** Builds the client with the case's credentials as options, its env vars set only while constructing. */
function construct(sdk: Sdk, reproCase: ReproCase): Client {
  const options: Record<string, unknown> = { baseURL: `${recorder.url}${cases.baseUrlPath}`, maxRetries: 0 };
  for (const [scheme, value] of Object.entries(reproCase.credentials ?? {}))
    options[optionOf(sdk.plan, scheme)] = value;
  for (const [name, value] of Object.entries(reproCase.env ?? {})) vi.stubEnv(name, value);
  try {
    return new sdk.clientClass(options);
  } finally {
    vi.unstubAllEnvs();
  }
}

/** The plan method as the SDK's `client.<resource>…<method>`, and the case's args (by wire name) as flat params. */
function boundMethod(sdk: Sdk, client: Client, methodId: string, args: Record<string, unknown>) {
  const method = methodById(sdk.plan, methodId);
  const resourceId = sdk.plan.index.methods[methodId]!;
  const segments = resourceId.split(".");
  let target = client;
  for (const [index] of segments.entries()) {
    const resource = resourceById(sdk.plan, segments.slice(0, index + 1).join("."));
    target = target[typescriptNaming.identifier(resource.property, "resource")] as Client;
  }
  const params: Record<string, unknown> = {};
  for (const [wireName, value] of Object.entries(args)) {
    const param = method.params.find((candidate) => candidate.wireName === wireName);
    if (!param) throw new Error(`${methodId} has no param with wire name ${wireName}`);
    params[typescriptNaming.identifier(param.name, "property")] = value;
  }
  const call = target[typescriptNaming.identifier(method.name, "method")] as Method;
  return () => call.call(target, params);
}

/** Runs the call in the case's mode and returns what it produced, as JSON (models dumped by wire name). */
async function perform(mode: ReproCase["mode"], call: () => Promise<unknown> & AsyncIterable<unknown>) {
  switch (mode) {
    case "call":
      return { result: plain(await call()) };
    case "iterate":
      return { items: await collect(call()) };
    case "stream":
      return { items: await collect((await call()) as AsyncIterable<unknown>) };
    case "bytes": {
      const body = await call();
      const bytes = body instanceof ArrayBuffer ? new Uint8Array(body) : (body as Uint8Array);
      return { resultBase64: Buffer.from(bytes).toString("base64") };
    }
  }
}

async function collect(iterable: AsyncIterable<unknown>): Promise<unknown[]> {
  const items: unknown[] = [];
  for await (const item of iterable) items.push(plain(item));
  return items;
}

const plain = (value: unknown): unknown =>
  value === undefined ? undefined : JSON.parse(JSON.stringify(value));

function expectRequests(expected: RequestExpectation[]): void {
  const recorded = recorder.recorded.map((request) => `${request.method} ${request.url}`);
  expect(recorded).toEqual(expected.map((request) => `${request.method} ${request.url}`));
  for (const [index, request] of expected.entries()) {
    const seen = recorder.recorded[index]!;
    for (const [name, value] of Object.entries(request.headers ?? {}))
      expect(seen.headers[name], name).toBe(value);
    for (const name of request.absentHeaders ?? []) expect(seen.headers, name).not.toHaveProperty(name);
    if ("json" in request) {
      expect(JSON.parse(Buffer.from(seen.bodyBase64, "base64").toString("utf8"))).toEqual(request.json);
    }
  }
}

/** The SDK's typed error for the case: missing credentials naming every option, or the API error's fields. */
function expectError(sdk: Sdk, error: unknown, expected: ErrorExpectation): void {
  const errors = sdk.module as Record<string, ErrorClass>;
  if (expected.mentions) {
    expect(error).toBeInstanceOf(errors.MissingCredentialsError);
    for (const scheme of expected.mentions)
      expect((error as Error).message).toContain(optionOf(sdk.plan, scheme));
    return;
  }
  expect(error).toBeInstanceOf(expected.status === 409 ? errors.ConflictError : errors.APIError);
  const apiError = error as Error & Record<"status" | "code" | "param" | "requestId", unknown>;
  expect({
    status: apiError.status,
    code: apiError.code ?? undefined,
    param: apiError.param ?? undefined,
    requestId: apiError.requestId ?? undefined,
  }).toEqual({
    status: expected.status,
    code: expected.code,
    param: expected.param,
    requestId: expected.requestId,
  });
  expect(apiError.message).toContain(expected.message);
}

describe("testdata/repro/cases.json: the TypeScript SDK of each repro spec sends and returns what the case says", () => {
  for (const reproCase of cases.cases) {
    it(`${reproCase.spec}: ${reproCase.name}`, async () => {
      const sdk = await sdkFor(reproCase.spec);
      const script = await fetch(`${recorder.url}/__script`, {
        method: "PUT",
        body: JSON.stringify(reproCase.replies),
      });
      expect(script.status).toBe(200);
      const { expect: expected } = reproCase;
      let produced: Awaited<ReturnType<typeof perform>> | undefined;
      let failure: { at: "construct" | "call"; error: unknown } | undefined;
      let client: Client | undefined;
      try {
        client = construct(sdk, reproCase);
      } catch (error) {
        failure = { at: "construct", error };
      }
      if (client) {
        const call = boundMethod(sdk, client, reproCase.call.method, reproCase.call.args);
        produced = await perform(reproCase.mode, call).catch((error: unknown) => {
          failure = { at: "call", error };
          return undefined;
        });
      }
      expectRequests(expected.requests);
      if (expected.error) {
        expect(failure?.at, String(failure?.error)).toBe(expected.error.at);
        expectError(sdk, failure!.error, expected.error);
        return;
      }
      expect(failure?.error).toBeUndefined();
      if (expected.items !== undefined) expect(produced?.items).toEqual(expected.items);
      if (expected.result !== undefined) expect(produced?.result).toEqual(expected.result);
      if (expected.resultBase64 !== undefined) expect(produced?.resultBase64).toBe(expected.resultBase64);
    }, 120_000);
  }
});

describe("TypeScript-only checks on the repro SDKs (beyond cases.json)", () => {
  it("xref.yaml generates without writing a log file into the cwd", async () => {
    const before = readdirSync(process.cwd());
    await generate(join(REPRO_DIR, "xref.yaml"));
    expect(readdirSync(process.cwd()).filter((name) => !before.includes(name))).toEqual([]);
    expect(existsSync(join(process.cwd(), "openapi-ts-error.log"))).toBe(false);
  }, 120_000);

  it("the missing-credential errors name the options, the constructor and the env vars, word for word", async () => {
    const typingAuth = await sdkFor("typing-auth.yaml");
    const baseURL = `${recorder.url}/v1`;
    expect(() => new typingAuth.clientClass({ baseURL, authEmail: "me@example.com" })).toThrow(
      "Missing credentials: pass { authEmail, authKey } or { apiKey } to new Repro() (or set REPRO_AUTH_EMAIL, REPRO_AUTH_KEY, REPRO_API_KEY).",
    );
    const overrides = await sdkFor("security-overrides.yaml");
    const client = new overrides.clientClass({ baseURL, apiKey: "tok_1" }) as Record<
      string,
      Record<string, Method>
    >;
    await expect(client.partner!.listPartnerReports!()).rejects.toThrow(
      "GET /partner/reports needs credentials: pass { partnerKey } to new Repro().",
    );
  }, 120_000);
});
