import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const packageDir = fileURLToPath(new URL("../..", import.meta.url));

describe("src/generated/openapi.gen.ts", () => {
  // openapi-typescript takes seconds on a busy machine: a generous timeout, and the temp dir is removed.
  it("is up to date with spec/openapi.yaml (run `pnpm --filter @embott/mock gen:types`)", () => {
    const dir = mkdtempSync(join(tmpdir(), "embott-mock-types-"));
    try {
      const output = join(dir, "openapi.gen.ts");
      const bin = join(packageDir, "node_modules/.bin/openapi-typescript");
      execFileSync(bin, ["../../spec/openapi.yaml", "-o", output], { cwd: packageDir, stdio: "ignore" });
      execFileSync(process.execPath, ["scripts/mark-generated.mjs", output], { cwd: packageDir });
      const committed = readFileSync(join(packageDir, "src/generated/openapi.gen.ts"), "utf8");
      expect(committed.split("\n")[0]).toMatch(/^\/\/ Code generated .* DO NOT EDIT\.$/);
      expect(readFileSync(output, "utf8")).toBe(committed);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
