import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { isBuiltin } from "node:module";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { REPRO_DIR } from "../../../testdata/corpus";

const CLI_DIR = resolve(import.meta.dirname, "..");
const BIN = join(CLI_DIR, "bin/embott-codegen.mjs");
const DIST = join(CLI_DIR, "dist");

/** Modules a built chunk imports (static `from "…"` and literal `import("…")`). */
function importsOf(file: string): string[] {
  const source = readFileSync(join(DIST, file), "utf8");
  return [...source.matchAll(/from "([^"]+)"|import\("([^"]+)"\)/g)].map((match) => match[1] ?? match[2]!);
}

/** Every module reachable from `entry` through static imports, plus the lazy chunks `main.js` names. */
function staticGraph(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = readFileSync(join(DIST, file), "utf8");
    for (const match of source.matchAll(/from "\.\/([^"]+)"/g)) visit(match[1]!);
    for (const match of source.matchAll(/from "([^./][^"]*)"/g)) seen.add(match[1]!);
  };
  visit(entry);
  return [...seen];
}

describe("the CLI runs from its build", () => {
  it("builds on first use, prints --help and inspects a spec through bin/embott-codegen.mjs", () => {
    expect(execFileSync(process.execPath, [BIN, "--help"], { encoding: "utf8" })).toContain("Usage:");
    const out = execFileSync(process.execPath, [BIN, "inspect", "--spec", join(REPRO_DIR, "naming.yaml")], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    });
    expect(out).toContain("customers.list");
  });

  it("--help needs nothing but the entry chunk; inspect loads no emitter, hey-api or tsx", () => {
    const files = readdirSync(DIST);
    const main = importsOf("main.js");
    // `node:module`: every chunk's `require` for the CommonJS parts of Redocly's dependencies bundled in.
    expect(main.filter((module) => !module.startsWith("./")).sort()).toEqual(["fs", "node:module", "util"]);
    const inspect = files.find((file) => file.startsWith("inspect-"))!;
    const reachable = staticGraph(inspect).filter((module) => !module.endsWith(".js"));
    // Node built-ins only: Redocly is bundled in (child_process and os serve `diff --base REV`, in a shared chunk).
    expect(reachable.filter((module) => !isBuiltin(module))).toEqual([]);
    expect(reachable).toEqual(expect.arrayContaining(["child_process", "crypto", "fs", "os", "path"]));
    const generate = files.find((file) => file.startsWith("generate-"))!;
    const chunks = staticGraph(generate).filter((module) => module.endsWith(".js"));
    expect(chunks.flatMap(importsOf)).toContain("tsx/esm/api");
  });
});
