import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { allResources, methodById, type SdkPlan } from "@embott/codegen-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import cases from "../../../../testdata/wire/cases.json" with { type: "json" };
import { startRecorder } from "../../../../testdata/wire/recorder.mjs";
import { typescriptNaming } from "../../src/naming";
import { emitSpec } from "../emit/support";

const WIRE_SPEC = join(import.meta.dirname, "../../../../testdata/wire/features.yaml");

interface Recorded {
  method: string;
  url: string;
  headers: Record<string, string>;
  bodyBase64: string;
}

interface Expectation {
  method: string;
  url: string;
  headers: Record<string, string>;
  absentHeaders?: string[];
  body?: string;
  bodyBase64?: string;
  contentTypePattern?: string;
  bodyIncludes?: string[];
}

type Client = Record<string, Record<string, (params: unknown, options?: unknown) => Promise<unknown>>>;

let plan: SdkPlan;
let client: Client;
let recorder: { url: string; recorded: Recorded[]; close(): Promise<unknown> };
let root: string;

beforeAll(async () => {
  const emitted = await emitSpec(WIRE_SPEC);
  plan = emitted.plan;
  root = await mkdtemp(join(tmpdir(), "embott-wire-"));
  for (const [path, contents] of emitted.files) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), contents);
  }
  recorder = await startRecorder(0);
  const { Wire } = (await import(join(root, "src/index.ts"))) as {
    Wire: new (options: Record<string, unknown>) => Client;
  };
  client = new Wire({ baseURL: `${recorder.url}${cases.baseUrlPath}`, maxRetries: 0 });
}, 60_000);

afterAll(async () => {
  await recorder?.close();
  await rm(root, { recursive: true, force: true });
});

/** Calls the plan method with the case's arguments (by wire name) as the TS SDK's flat params. */
async function call(methodId: string, args: Record<string, unknown>): Promise<void> {
  const method = methodById(plan, methodId);
  const resource = allResources(plan).find((candidate) => candidate.methods.includes(method))!;
  const params: Record<string, unknown> = {};
  for (const [wireName, value] of Object.entries(args)) {
    const param = method.params.find((candidate) => candidate.wireName === wireName);
    if (!param) throw new Error(`${methodId} has no param with wire name ${wireName}`);
    params[typescriptNaming.identifier(param.name, "property")] = argument(value);
  }
  const accessor = typescriptNaming.identifier(resource.property, "resource");
  await client[accessor]![typescriptNaming.identifier(method.name, "method")]!(params);
}

/** `{ "$bytes": b64 }` → bytes; `{ "$file": … }` → a File; anything else as given. */
function argument(value: unknown): unknown {
  if (typeof value !== "object" || value === null) return value;
  const record = value as Record<string, unknown>;
  if (typeof record["$bytes"] === "string") return new Uint8Array(Buffer.from(record["$bytes"], "base64"));
  const file = record["$file"] as { filename: string; contentType: string; base64: string } | undefined;
  if (file) return new File([Buffer.from(file.base64, "base64")], file.filename, { type: file.contentType });
  return value;
}

describe("the TypeScript SDK puts every wire case on the wire byte for byte", () => {
  for (const wireCase of cases.cases) {
    it(`${wireCase.method}: ${wireCase.name}`, async () => {
      recorder.recorded.length = 0;
      await call(wireCase.method, wireCase.args);
      expect(recorder.recorded).toHaveLength(1);
      const request = recorder.recorded[0]!;
      const expected = wireCase.expect as Expectation;
      const body = Buffer.from(request.bodyBase64, "base64");
      expect(request.method).toBe(expected.method);
      expect(request.url).toBe(expected.url);
      for (const [name, value] of Object.entries(expected.headers))
        expect(request.headers[name], name).toBe(value);
      for (const name of expected.absentHeaders ?? []) expect(request.headers, name).not.toHaveProperty(name);
      if (expected.body !== undefined) expect(body.toString("utf8")).toBe(expected.body);
      if (expected.bodyBase64 !== undefined) expect(request.bodyBase64).toBe(expected.bodyBase64);
      if (expected.contentTypePattern) {
        expect(request.headers["content-type"]).toMatch(new RegExp(expected.contentTypePattern));
      }
      for (const part of expected.bodyIncludes ?? []) expect(body.toString("latin1")).toContain(part);
    });
  }
});
