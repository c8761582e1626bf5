// The mock's spec-derived types (packages/mock/src/generated/openapi.gen.ts) are part of `generate`: they are
// produced the way the mock's `gen:types` script produces them (openapi-typescript, then the mock's
// generated-file header) into a temporary folder, and handed to the writer / drift check like any output.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { promisify } from "node:util";
import type { OutputSet } from "@embott/codegen-core";

const MOCK_DIR = "packages/mock";
const MOCK_SPEC = "spec/openapi.yaml";
export const MOCK_TYPES_FILE = "src/generated/openapi.gen.ts";

/**
 * The mock's types as an output set, when this run regenerates the repository's own spec in full (no `--out`,
 * no `--lang`) and the mock package is present; otherwise undefined.
 */
export async function mockTypesOutput(options: {
  spec: string;
  out?: string | undefined;
  languages?: string[] | undefined;
}): Promise<OutputSet | undefined> {
  const mockDir = resolve(MOCK_DIR);
  const fullRun = options.out === undefined && (options.languages ?? []).length === 0;
  if (
    !fullRun ||
    resolve(options.spec) !== resolve(MOCK_SPEC) ||
    !existsSync(join(mockDir, "package.json"))
  ) {
    return undefined;
  }
  const require = createRequire(join(mockDir, "package.json"));
  const cli = join(dirname(require.resolve("openapi-typescript/package.json")), "bin", "cli.js");
  const temp = await mkdtemp(join(tmpdir(), "embott-mock-types-"));
  try {
    const output = join(temp, "openapi.gen.ts");
    const run = (args: string[]) => promisify(execFile)(process.execPath, args, { cwd: mockDir });
    await run([cli, resolve(options.spec), "-o", output]);
    await run(["scripts/mark-generated.mjs", output]);
    return {
      outDir: join(mockDir, dirname(MOCK_TYPES_FILE)),
      files: [{ path: "openapi.gen.ts", contents: await readFile(output, "utf8") }],
    };
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}
