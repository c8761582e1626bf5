import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { corpusSpecs } from "../../../testdata/corpus";
import { emitGem } from "./support/emit";

const REPO = join(import.meta.dirname, "..", "..", "..");
const SPECS = [join(REPO, "spec", "openapi.yaml"), ...corpusSpecs()];

/** The gem's rubocop rules, with `inherit_from` made absolute so they apply to a gem emitted anywhere. */
function rubocopConfig(): string {
  return readFileSync(join(REPO, "packages", "ruby", ".rubocop.yml"), "utf8").replace(
    /^inherit_from: .*$/m,
    `inherit_from: ${join(REPO, "generators", "ruby", "runtime", ".rubocop.yml")}`,
  );
}

function run(cmd: string, args: string[], cwd: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd });
    let output = "";
    child.stdout.on("data", (chunk) => {
      output += chunk;
    });
    child.stderr.on("data", (chunk) => {
      output += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, output }));
  });
}

// The corpus gate: Ruby emitted for the Embott spec and every corpus spec parses without warnings (the checks of
// `ruby -wc`) and passes rubocop with the gem's own configuration.
describe("Ruby emitted for every corpus spec", () => {
  const root = mkdtempSync(join(tmpdir(), "embott-ruby-corpus-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("parses without warnings and passes rubocop", async () => {
    const dirs: string[] = [];
    for (const spec of SPECS) {
      const gem = await emitGem(spec);
      const name = basename(spec).replace(/\.(ya?ml|json)$/, "");
      const dir = join(root, name);
      await run("mv", [gem.dir, dir], root);
      writeFileSync(join(dir, ".rubocop.yml"), rubocopConfig());
      dirs.push(name);
    }
    const syntax = await run(
      "ruby",
      [join(import.meta.dirname, "support", "syntax_check.rb"), ...dirs],
      root,
    );
    expect(syntax.output).toMatch(/ 0 with errors or warnings/);
    expect(syntax.code).toBe(0);
    const rubocop = await run(
      "rubocop",
      ["--cache", "false", "--parallel", "--format", "emacs", ...dirs],
      root,
    );
    expect(rubocop.output.split("\n").filter((line) => /: [CWEF]: /.test(line))).toEqual([]);
    expect(rubocop.code).toBe(0);
  }, 600_000);
});
