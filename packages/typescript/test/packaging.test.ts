import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const PACKAGE = fileURLToPath(new URL("..", import.meta.url));
const manifest = JSON.parse(readFileSync(join(PACKAGE, "package.json"), "utf8")) as {
  license: string;
  scripts: Record<string, string>;
};
const staging = mkdtempSync(join(tmpdir(), "embott-pack-"));
afterAll(() => rmSync(staging, { recursive: true, force: true }));

/** The files `npm pack` would ship for this manifest, given a dist/ as a full `npm test` leaves it. */
function packedFiles(): string[] {
  for (const file of ["package.json", "README.md", "api.md", "LICENSE"]) {
    copyFileSync(join(PACKAGE, file), join(staging, file));
  }
  mkdirSync(join(staging, "dist", "docs", "assets"), { recursive: true });
  for (const file of [
    "dist/index.js",
    "dist/index.cjs",
    "dist/index.d.ts",
    "dist/docs/index.html",
    "dist/docs/.nojekyll",
  ]) {
    writeFileSync(join(staging, file), "x");
  }
  const output = execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], {
    cwd: staging,
    encoding: "utf8",
  });
  return (JSON.parse(output) as { files: { path: string }[] }[])[0]?.files.map((file) => file.path) ?? [];
}

describe("the npm package", () => {
  it("ships the build, the docs it declares and the LICENSE, never the typedoc site", () => {
    const files = packedFiles();
    expect(files).toEqual(expect.arrayContaining(["LICENSE", "README.md", "api.md", "dist/index.js"]));
    expect(files.filter((file) => file.includes("docs/") || file.includes(".nojekyll"))).toEqual([]);
  }, 60_000);

  it("builds typedoc outside dist, builds before packing and has the LICENSE its manifest declares", () => {
    const typedoc = JSON.parse(readFileSync(join(PACKAGE, "typedoc.json"), "utf8")) as { out: string };
    // Outside the package: not in dist (it would ship) nor next to the generated sources (the drift gate reads those).
    expect(typedoc.out.startsWith("../../")).toBe(true);
    expect(manifest.scripts.prepack).toBe("tsup");
    expect(readFileSync(join(PACKAGE, "LICENSE"), "utf8")).toMatch(
      new RegExp(`^${manifest.license} License`),
    );
  });
});
