import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { buildIR, buildPlan, loadSpec, type SdkPlan } from "@embott/codegen-core";
import { rubyEmitter } from "../../src/emit";

export interface EmittedGem {
  dir: string;
  plan: SdkPlan;
  cleanup(): void;
}

/** Emits the Ruby SDK of `specFile` into a fresh temp folder, as the CLI would write it. */
export async function emitGem(specFile: string): Promise<EmittedGem> {
  const spec = await loadSpec(specFile);
  const plan = buildPlan(buildIR(spec), { document: spec.document as never });
  const dir = mkdtempSync(join(tmpdir(), "embott-ruby-"));
  const files = await rubyEmitter.emit(plan, {
    specFile,
    outDir: dir,
    generatorVersion: "test",
    document: spec.document as Record<string, unknown>,
  });
  for (const file of files) {
    const target = join(dir, file.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, file.contents);
  }
  return { dir, plan, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
