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
import { mockTypesOutput } from "../mock-types";
import { selectTargets, TARGETS } from "../targets";
import { loadPlan } from "./load-ir";

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
  const progress = new Progress(io);
  for (const target of selected.filter((candidate) => !candidate.emitter))
    progress.note(`– ${target.language}: no emitter yet, skipped`);
  const ready = selected.filter((target) => target.emitter);
  if (ready.length === 0) return nothingToGenerate(selected, targets ?? TARGETS, io);
  const plan = planOutputs(
    options,
    ready.map((target) => target.language),
  );
  const { plan: sdkPlan, document } = await loadPlan(plan.spec, progress);
  const outputs: OutputSet[] = [];
  for (const target of ready) {
    const outDir = plan.outDirs[target.language]!;
    const files: GeneratedFile[] = await target.emitter!.emit(sdkPlan, {
      specFile: plan.spec,
      document,
      outDir,
      generatorVersion: options.generatorVersion,
    });
    progress.done(target.language, `${files.length} files`);
    outputs.push({ outDir, files });
  }
  const mockTypes = mockTypesOutput({ ...options, spec: plan.spec });
  if (mockTypes) {
    outputs.push(mockTypes);
    progress.done("mock types", "packages/mock/src/generated/openapi.gen.ts");
  }
  return options.check ? reportDrift(outputs, io) : write(outputs, progress);
}

/** `--lang` named only languages without an emitter: a failed run, not a silent no-op. */
function nothingToGenerate(selected: LanguageTarget[], known: readonly LanguageTarget[], io: CliIO): number {
  const names = selected.map((target) => target.language).join(", ");
  const ready = known.filter((target) => target.emitter).map((target) => target.language);
  io.stderr.write(
    `✗ nothing generated: no emitter exists yet for ${names}; languages with an emitter: ${ready.join(", ") || "none"}\n`,
  );
  return EXIT.failure;
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
