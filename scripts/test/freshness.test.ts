import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
// @ts-expect-error plain ESM script without types
import { isStale } from "../lib/freshness.mjs";
// @ts-expect-error plain ESM script without types
import { dropNodeBanner } from "../lint-spec.mjs";

const root = mkdtempSync(join(tmpdir(), "embott-freshness-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function touch(path: string, seconds: number): void {
  writeFileSync(path, "x");
  utimesSync(path, seconds, seconds);
}

describe("isStale (npm start rebuilds embott only when its sources changed)", () => {
  it("is false when the output is newer than every input, true once an input is touched", () => {
    mkdirSync(join(root, "src", "nested"), { recursive: true });
    touch(join(root, "src", "nested", "a.ts"), 1_000);
    touch(join(root, "package.json"), 1_000);
    touch(join(root, "index.js"), 2_000);
    const inputs = [join(root, "src"), join(root, "package.json")];
    expect(isStale(join(root, "index.js"), inputs)).toBe(false);
    touch(join(root, "src", "nested", "a.ts"), 3_000);
    expect(isStale(join(root, "index.js"), inputs)).toBe(true);
    expect(isStale(join(root, "missing.js"), inputs)).toBe(true);
  });
});

describe("dropNodeBanner (pnpm lint:spec)", () => {
  it("removes Redocly's Node 20 box and keeps every other line", () => {
    const box = [
      "    ╔════╗",
      "    ║  Deprecation warning: Node.js 20 support is ending  ║",
      "    ║  Update Node.js: https://nodejs.org/en/download  ║",
      "    ╚════╝",
    ].join("\n");
    const text = `\n${box}\n\nvalidating spec/openapi.yaml...\n[1] problem at #/paths\n`;
    expect(dropNodeBanner(text)).toBe("\nvalidating spec/openapi.yaml...\n[1] problem at #/paths\n");
    expect(dropNodeBanner("no banner\n")).toBe("no banner\n");
  });
});
