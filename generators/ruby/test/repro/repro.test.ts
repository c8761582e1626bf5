import { join } from "node:path";
import type { SdkPlan } from "@embott/codegen-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPRO_DIR } from "../../../../testdata/corpus";
import { type ReproCase, reproCases } from "../../../../testdata/repro-cases";
import { rubyAuth } from "../../src/emit/credentials";
import { buildRubySdk } from "../../src/emit/from-plan";
import { type EmittedGem, emitGem } from "../support/emit";
import { rubyCall, runRuby } from "../support/ruby-call";

// testdata/repro/cases.json (see its README) against the Ruby SDK of each repro spec: every case scripts the
// recorder's replies, builds the client, calls, and its requests and result are asserted here.

interface Recorded {
  method: string;
  url: string;
  headers: Record<string, string>;
  bodyBase64: string;
}
interface Outcome {
  requests: Recorded[];
  result?: unknown;
  items?: unknown[];
  resultBase64?: string;
  error?: {
    at: string;
    class: string;
    message: string;
    missingCredentials: boolean;
    conflict: boolean;
    status?: number;
    code?: string | null;
    param?: string | null;
    requestId?: string | null;
    errorMessage?: string | null;
  };
}
interface Recorder {
  url: string;
  close(): Promise<void>;
}

const { cases, baseUrlPath } = reproCases();
const specs = [...new Set(cases.map((reproCase) => reproCase.spec))];

/** The Ruby call of a case with its credentials (by option), environment, mode and scripted replies. */
function caseInput(plan: SdkPlan, reproCase: ReproCase) {
  return {
    ...rubyCall(plan, reproCase.call.method, reproCase.call.args),
    credentials: Object.fromEntries(
      Object.entries(reproCase.credentials ?? {}).map(([scheme, value]) => [optionOf(plan, scheme), value]),
    ),
    env: reproCase.env ?? {},
    mode: reproCase.mode,
    replies: reproCase.replies,
  };
}

/** The client keyword option of a security scheme, as the plan's credentials name it. */
function optionOf(plan: SdkPlan, scheme: string): string {
  const credential = rubyAuth(plan).credentials.find((candidate) => candidate.scheme === scheme);
  if (!credential) throw new Error(`the plan has no credential for scheme ${scheme}`);
  return credential.keyword;
}

describe("Ruby SDKs of testdata/repro (cases.json)", () => {
  const gems: EmittedGem[] = [];
  const plans = new Map<string, SdkPlan>();
  const outcomes = new Map<ReproCase, Outcome>();
  let recorder: Recorder;

  beforeAll(async () => {
    const { startRecorder } = (await import(join(REPRO_DIR, "..", "wire", "recorder.mjs"))) as {
      startRecorder(): Promise<Recorder>;
    };
    recorder = await startRecorder();
    // One SDK per spec, one Ruby process per SDK (each defines the same module); the recorder answers from this
    // process's event loop, so the runs are awaited, not blocking.
    for (const spec of specs) {
      const gem = await emitGem(join(REPRO_DIR, spec));
      gems.push(gem);
      plans.set(spec, gem.plan);
      const sdk = buildRubySdk(gem.plan);
      const own = cases.filter((reproCase) => reproCase.spec === spec);
      const input = {
        dir: gem.dir,
        lib: sdk.libDir,
        module: sdk.moduleName,
        prefix: gem.plan.client.env.prefix,
        base_url: `${recorder.url}${baseUrlPath}`,
        recorder: recorder.url,
        cases: own.map((reproCase) => caseInput(gem.plan, reproCase)),
      };
      const run = await runRuby(join(import.meta.dirname, "run_repro.rb"), JSON.stringify(input));
      if (run.code !== 0 || run.stderr !== "") throw new Error(`ruby failed on ${spec}: ${run.stderr}`);
      const lines = run.stdout.trim().split("\n");
      own.forEach((reproCase, position) => {
        outcomes.set(reproCase, JSON.parse(lines[position] ?? "{}") as Outcome);
      });
    }
  }, 120_000);

  afterAll(async () => {
    await recorder?.close();
    for (const gem of gems) gem.cleanup();
  });

  it("runs every case of cases.json", () => {
    expect(cases.length).toBeGreaterThanOrEqual(29);
    expect(outcomes.size).toBe(cases.length);
  });

  cases.forEach((reproCase) => {
    it(`${reproCase.spec}: ${reproCase.name}`, () => {
      const outcome = outcomes.get(reproCase);
      if (!outcome) throw new Error("the case did not run");
      const wanted = reproCase.expect;
      if (!wanted.error) expect(outcome.error).toBeUndefined();
      expect(outcome.requests.map((request) => `${request.method} ${request.url}`)).toEqual(
        wanted.requests.map((request) => `${request.method} ${request.url}`),
      );
      wanted.requests.forEach((request, position) => {
        const seen = outcome.requests[position]!;
        for (const [name, value] of Object.entries(request.headers ?? {}))
          expect(seen.headers[name]).toBe(value);
        for (const name of request.absentHeaders ?? []) expect(seen.headers).not.toHaveProperty(name);
        if (request.json !== undefined)
          expect(JSON.parse(Buffer.from(seen.bodyBase64, "base64").toString("utf8"))).toEqual(request.json);
      });
      if (wanted.items !== undefined) expect(outcome.items).toEqual(wanted.items);
      if (wanted.result !== undefined) expect(outcome.result).toEqual(wanted.result);
      if (wanted.resultBase64 !== undefined) expect(outcome.resultBase64).toBe(wanted.resultBase64);
      const error = wanted.error;
      if (!error) return;
      expect(outcome.error?.at).toBe(error.at);
      if (error.mentions) {
        expect(outcome.error?.missingCredentials).toBe(true);
        expect(outcome.requests).toEqual([]);
        const plan = plans.get(reproCase.spec)!;
        for (const scheme of error.mentions)
          expect(outcome.error?.message).toContain(`${optionOf(plan, scheme)}:`);
      }
      if (error.status !== undefined) {
        expect(outcome.error?.status).toBe(error.status);
        expect(outcome.error?.conflict).toBe(error.status === 409);
        expect(outcome.error?.message).toContain(error.message);
        expect(outcome.error?.errorMessage).toBe(error.message);
        expect(outcome.error?.code).toBe(error.code);
        expect(outcome.error?.param ?? undefined).toBe(error.param);
        expect(outcome.error?.requestId).toBe(error.requestId);
      }
    });
  });
});
