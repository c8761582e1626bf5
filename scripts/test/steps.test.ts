import { readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { describe, expect, it, vi } from "vitest";
// @ts-expect-error plain ESM script without types
import { runSteps } from "../lib/steps.mjs";

describe("runSteps", () => {
  it("removes what a step leaves in the temp dir", () => {
    const leaked = () => readdirSync(tmpdir()).filter((name) => name.startsWith("embott-leak-probe-"));
    const before = leaked();
    const script =
      "const {mkdtempSync,writeFileSync}=require('node:fs');const {join}=require('node:path');" +
      "const d=mkdtempSync(join(require('node:os').tmpdir(),'embott-leak-probe-'));writeFileSync(join(d,'f'),'x')";
    vi.spyOn(console, "log").mockImplementation(() => {});
    const result = runSteps([{ name: "leaky step", cmd: [process.execPath, "-e", script] }]);
    vi.restoreAllMocks();
    expect(result).toEqual({ passed: 1, failed: 0 });
    expect(leaked()).toEqual(before);
  });

  it("keeps the closing line true when a step's report is unreadable", () => {
    vi.spyOn(console, "log").mockImplementation(() => {});
    vi.spyOn(console, "error").mockImplementation(() => {});
    const result = runSteps([
      {
        name: "no report",
        cmd: [process.execPath, "-e", "process.exit(0)"],
        counts: () => {
          throw new Error("missing");
        },
      },
    ]);
    vi.restoreAllMocks();
    expect(result).toEqual({ passed: 0, failed: 1 });
  });
});
