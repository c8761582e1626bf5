// The TypeScript conformance runner: every scenario of testdata/conformance through the real SDK over HTTP.
// Run by scripts/checks/90-conformance.mjs (through scripts/conformance/serve.mjs, which starts the mock);
// per-scenario results go to $CONFORMANCE_RESULTS for the matrix.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { serversFromEnv } from "./support/control";
import { runScenario } from "./support/runner";
import { loadScenarios } from "./support/scenario";

const scenarios = loadScenarios();
const servers = serversFromEnv();
const results: Record<string, { status: "passed" | "failed"; problems: string[] }> = {};

describe("conformance (TypeScript SDK over HTTP)", () => {
  it.each(scenarios.map((scenario) => [scenario.id, scenario] as const))("%s", async (id, scenario) => {
    let problems: string[];
    try {
      problems = await runScenario(scenario, servers);
    } catch (error) {
      problems = [`runner error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`];
    }
    results[id] = { status: problems.length === 0 ? "passed" : "failed", problems };
    expect(problems).toEqual([]);
  });
});

afterAll(() => {
  const file = process.env["CONFORMANCE_RESULTS"];
  if (!file) return;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify({ language: "typescript", results }, null, 2)}\n`);
});
