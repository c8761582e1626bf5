import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildRubySdk } from "../../src/emit/from-plan";
import { type EmittedGem, emitGem } from "../support/emit";
import { rubyCall, runRuby } from "../support/ruby-call";

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
      calls: cases.map((wireCase) => rubyCall(gem.plan, wireCase.method, wireCase.args)),
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
