import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const CORPUS = fileURLToPath(new URL("../../testdata/corpus", import.meta.url));

describe("the spec corpus is part of the repository", () => {
  const specs = readdirSync(CORPUS).filter((file) => /\.(ya?ml|json)$/.test(file));

  it("is committed to git, not read from outside the clone", () => {
    const tracked = execFileSync("git", ["ls-files", "testdata/corpus"], { cwd: ROOT, encoding: "utf8" });
    expect(specs.length).toBeGreaterThan(5);
    for (const spec of specs) expect(tracked).toContain(`testdata/corpus/${spec}`);
  });

  it("names each file's origin and licence in SOURCES.md", () => {
    const sources = readFileSync(`${CORPUS}/SOURCES.md`, "utf8");
    for (const spec of specs) {
      const row = sources.split("\n").find((line) => line.startsWith(`| ${spec} |`));
      expect(row, spec).toMatch(/\| (MIT|CC-BY-4\.0) \|/);
    }
  });
});
