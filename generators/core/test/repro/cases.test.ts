import { describe, expect, it } from "vitest";
import { reproCases } from "../../../../testdata/repro-cases";
import { buildPlan, methodById, type SdkPlan } from "../../src/index";
import { reproIR } from "../helpers/repro";

// testdata/repro/cases.json is run by every language; this checks it against the plans, so a renamed method,
// param or scheme fails here once instead of in four runners.

const { cases } = reproCases();
const plans = new Map<string, SdkPlan>();
async function planOf(spec: string): Promise<SdkPlan> {
  if (!plans.has(spec)) {
    const { spec: loaded, ir } = await reproIR(spec);
    plans.set(spec, buildPlan(ir, { document: loaded.document }));
  }
  return plans.get(spec)!;
}

describe("testdata/repro/cases.json names what the plans have", () => {
  it.each(cases.map((c) => [c.name, c] as const))("%s", async (_name, reproCase) => {
    const plan = await planOf(reproCase.spec);
    const method = methodById(plan, reproCase.call.method);
    const wireNames = method.params.map((param) => param.wireName);
    expect(wireNames).toEqual(expect.arrayContaining(Object.keys(reproCase.call.args)));
    const schemes = plan.client.auth.credentials.map((credential) => credential.scheme);
    for (const id of [
      ...Object.keys(reproCase.credentials ?? {}),
      ...(reproCase.expect.error?.mentions ?? []),
    ])
      expect(schemes).toContain(id);
    const modes = { plain: ["call", "bytes"], page: ["iterate"], stream: ["stream"] }[method.kind];
    expect(modes).toContain(reproCase.mode);
    if (reproCase.mode === "iterate") expect(reproCase.replies.length).toBe(reproCase.expect.requests.length);
  });
});
