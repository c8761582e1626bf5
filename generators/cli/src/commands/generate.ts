import {
  checkDrift,
  type GeneratedFile,
  isClean,
  type LanguageTarget,
  type OutputSet,
  writeAtomically,
} from "@embott/codegen-core";
import { planOutputs } from "../config";
import { type CliIO, EXIT, Progress } from "../io";
import { selectTargets } from "../targets";
import { loadIR } from "./load-ir";

/** Options of `generate`. */
export interface GenerateOptions {
  spec?: string;
  out?: string;
  languages?: string[];
  check: boolean;
  config?: string;
  generatorVersion: string;
}

/** Emit every selected language in memory, then write all files atomically, or compare them (--check). */
export async function generate(
  options: GenerateOptions,
  io: CliIO,
  targets?: readonly LanguageTarget[],
): Promise<number> {
  const selected = selectTargets(options.languages, targets);
  const plan = planOutputs(
    options,
    selected.map((target) => target.language),
  );
  const progress = new Progress(io);
  const ir = await loadIR(plan.spec, progress);
  const outputs: OutputSet[] = [];
  for (const target of selected) {
    const outDir = plan.outDirs[target.language]!;
    if (!target.emitter) {
      progress.note(`– ${target.language}: no emitter yet, skipped`);
      continue;
    }
    const files: GeneratedFile[] = await target.emitter.emit(ir, {
      specFile: plan.spec,
      outDir,
      generatorVersion: options.generatorVersion,
    });
    progress.done(target.language, `${files.length} files`);
    outputs.push({ outDir, files });
  }
  if (outputs.length === 0) {
    progress.note("nothing to write: none of the selected languages has an emitter yet");
    return EXIT.ok;
  }
  return options.check ? reportDrift(outputs, io) : write(outputs, progress);
}

async function write(outputs: OutputSet[], progress: Progress): Promise<number> {
  const summary = await writeAtomically(outputs);
  progress.done(
    "write",
    `${summary.written.length} written, ${summary.unchanged} unchanged, ${summary.deleted.length} deleted`,
  );
  return EXIT.ok;
}

async function reportDrift(outputs: OutputSet[], io: CliIO): Promise<number> {
  const report = await checkDrift(outputs);
  if (isClean(report)) {
    io.stderr.write("✓ check: generated files match the spec\n");
    return EXIT.ok;
  }
  const lines = [
    ...report.changed.map((file) => `changed  ${file}`),
    ...report.missing.map((file) => `missing  ${file}`),
    ...report.stale.map((file) => `stale    ${file}`),
  ];
  io.stdout.write(`${lines.join("\n")}\n`);
  io.stderr.write(
    `✗ check: ${lines.length} generated file(s) differ from the spec; run \`pnpm codegen generate\`\n`,
  );
  return EXIT.failure;
}
