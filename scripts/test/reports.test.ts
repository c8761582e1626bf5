import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
// @ts-expect-error plain ESM script without types
import { vitestCounts } from "../lib/reports.mjs";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function report(body: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), "embott-reports-test-"));
  dirs.push(dir);
  const file = join(dir, "vitest.json");
  writeFileSync(file, JSON.stringify(body));
  return file;
}

describe("vitestCounts", () => {
  it("counts a test file that failed to load as one failure (vitest has no numRuntimeErrorTestSuites)", () => {
    const file = report({
      numPassedTests: 3,
      numFailedTests: 0,
      testResults: [
        {
          name: "ok.test.ts",
          status: "passed",
          assertionResults: [{ status: "passed" }, { status: "passed" }],
        },
        { name: "broken.test.ts", status: "failed", message: "Cannot find module", assertionResults: [] },
      ],
    });
    expect(vitestCounts(file)).toEqual({ passed: 3, failed: 1 });
  });

  it("does not count a file twice when its failures are already failed tests", () => {
    const file = report({
      numPassedTests: 1,
      numFailedTests: 2,
      testResults: [
        {
          status: "failed",
          assertionResults: [{ status: "failed" }, { status: "failed" }, { status: "passed" }],
        },
      ],
    });
    expect(vitestCounts(file)).toEqual({ passed: 1, failed: 2 });
  });
});
