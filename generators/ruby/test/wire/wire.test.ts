import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { allResources, methodById, type SdkPlan } from "@embott/codegen-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildRubySdk } from "../../src/emit/from-plan";
import { rubyNaming } from "../../src/naming";
import { type EmittedGem, emitGem } from "../support/emit";

const WIRE = join(import.meta.dirname, "..", "..", "..", "..", "testdata", "wire");

interface WireCase {
  name: string;
  method: string;
  args: Record<string, unknown>;
  expect: {
    method: string;
    url: string;
    headers?: Record<string, string>;
    absentHeaders?: string[];
    body?: string;
    bodyBase64?: string;
    contentTypePattern?: string;
    bodyIncludes?: string[];
  };
}
interface Recorder {
  url: string;
  recorded: Recorded[];
  close(): Promise<void>;
}
interface Recorded {
  method: string;
  url: string;
  headers: Record<string, string>;
  bodyBase64: string;
}

const { cases, baseUrlPath } = JSON.parse(readFileSync(join(WIRE, "cases.json"), "utf8")) as {
  cases: WireCase[];
  baseUrlPath: string;
};

/** The Ruby call for a case: service readers from the client, method name, keyword arguments. */
function rubyCall(plan: SdkPlan, wireCase: WireCase) {
  const sdk = buildRubySdk(plan);
  const method = methodById(plan, wireCase.method);
  const resourceId = plan.index.methods[wireCase.method] ?? "";
  const chain = allResources(plan)
    .filter((resource) => resourceId === resource.id || resourceId.startsWith(`${resource.id}.`))
    .map((resource) => rubyNaming.identifier(resource.property, "resource"));
  const service = findService(sdk.services, chain);
  const rubyMethod = service?.methods.find(
    (candidate) => candidate.name === rubyNaming.identifier(method.name, "method"),
  );
  if (!rubyMethod) throw new Error(`no Ruby method for ${wireCase.method}`);
  const args: Record<string, unknown> = {};
  for (const [wireName, value] of Object.entries(wireCase.args)) {
    const param = rubyMethod.params.find((candidate) => candidate.wireName === wireName);
    if (!param) throw new Error(`${wireCase.method} has no param "${wireName}"`);
    args[param.keyword] = value;
  }
  return { path: chain, method: rubyMethod.name, args };
}

function findService(services: ReturnType<typeof buildRubySdk>["services"], chain: string[]) {
  let level = services;
  let found: (typeof services)[number] | undefined;
  for (const reader of chain) {
    found = level.find((service) => service.reader === reader);
    level = found?.children ?? [];
  }
  return found;
}

function runRuby(
  script: string,
  input: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn("ruby", ["-w", script]);
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
    });
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

describe("Ruby SDK on the wire (testdata/wire)", () => {
  let gem: EmittedGem;
  let recorder: Recorder;
  let results: string[] = [];
  let recorded: Recorded[] = [];

  beforeAll(async () => {
    gem = await emitGem(join(WIRE, "features.yaml"));
    const recorderModule = join(WIRE, "recorder.mjs");
    const { startRecorder } = (await import(recorderModule)) as { startRecorder(): Promise<Recorder> };
    recorder = await startRecorder();
    const sdk = buildRubySdk(gem.plan);
    const input = {
      dir: gem.dir,
      lib: sdk.libDir,
      module: sdk.moduleName,
      base_url: `${recorder.url}${baseUrlPath}`,
      calls: cases.map((wireCase) => rubyCall(gem.plan, wireCase)),
    };
    // Asynchronous: the recorder answers from this process's event loop.
    const run = await runRuby(join(import.meta.dirname, "run_cases.rb"), JSON.stringify(input));
    if (run.code !== 0) throw new Error(`ruby failed: ${run.stderr}`);
    expect(run.stderr).toBe("");
    results = run.stdout.trim().split("\n");
    recorded = [...recorder.recorded];
  }, 60_000);

  afterAll(async () => {
    await recorder?.close();
    gem?.cleanup();
  });

  cases.forEach((wireCase, position) => {
    it(`${wireCase.method}: ${wireCase.name}`, () => {
      expect(results[position]).toBe("ok");
      const request = recorded[position];
      if (!request) throw new Error("no request recorded");
      const { expect: wanted } = wireCase;
      expect(request.method).toBe(wanted.method);
      expect(request.url).toBe(wanted.url);
      for (const [name, value] of Object.entries(wanted.headers ?? {}))
        expect(request.headers[name]).toBe(value);
      for (const name of wanted.absentHeaders ?? []) expect(request.headers).not.toHaveProperty(name);
      const body = Buffer.from(request.bodyBase64, "base64");
      if (wanted.body !== undefined) expect(body.toString("utf8")).toBe(wanted.body);
      if (wanted.bodyBase64 !== undefined) expect(request.bodyBase64).toBe(wanted.bodyBase64);
      if (wanted.contentTypePattern)
        expect(request.headers["content-type"]).toMatch(new RegExp(wanted.contentTypePattern));
      for (const part of wanted.bodyIncludes ?? [])
        expect(body.toString("latin1")).toContain(Buffer.from(part).toString("latin1"));
    });
  });
});
