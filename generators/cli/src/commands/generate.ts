import { Worker } from "node:worker_threads";
import {
  checkDrift,
  type EmitContext,
  type GeneratedFile,
  isClean,
  type LanguageTarget,
  type OutputSet,
  type SdkPlan,
  writeAtomically,
} from "@embott/codegen-core";
import { planOutputs } from "../config";
import { type CliIO, EXIT, Progress } from "../io";
import { mockTypesOutput } from "../mock-types";
import { selectTargets, targetModule } from "../targets";
import { surfaceChange } from "./diff";
import { loadPlan } from "./load-ir";

/** Options of `generate`. */
export interface GenerateOptions {
  spec?: string;
  out?: string;
  languages?: string[];
  check: boolean;
  strict?: boolean;
  /** Emit each language in its own worker thread (default: when several languages come from the registry). */
  parallel?: boolean;
  config?: string;
  generatorVersion: string;
}

/** Emit every selected language in memory, then write all files atomically, or compare them (--check). */
export async function generate(
  options: GenerateOptions,
  io: CliIO,
  targets?: readonly LanguageTarget[],
): Promise<number> {
  const selected = await selectTargets(options.languages, targets);
  const progress = new Progress(io);
  for (const target of selected.filter((candidate) => !candidate.emitter))
    progress.note(`– ${target.language}: no emitter yet, skipped`);
  const ready = selected.filter((target) => target.emitter);
  if (ready.length === 0) return nothingToGenerate(selected, targets ?? (await selectTargets(undefined)), io);
  const plan = planOutputs(
    options,
    ready.map((target) => target.language),
  );
  const { plan: sdkPlan, document } = await loadPlan(plan.spec, progress, options);
  const parallel = options.parallel ?? (targets === undefined && ready.length > 1);
  const started = performance.now();
  const outputs = await Promise.all(
    ready.map(async (target): Promise<OutputSet> => {
      const outDir = plan.outDirs[target.language]!;
      const context = { specFile: plan.spec, document, outDir, generatorVersion: options.generatorVersion };
      const files = parallel
        ? await emitInWorker(target.language, sdkPlan, context)
        : await target.emitter!.emit(sdkPlan, context);
      progress.report(target.language, performance.now() - started, `${files.length} files`);
      return { outDir, files };
    }),
  );
  const change = await surfaceChange(sdkPlan, outputs, selected);
  if (change) progress.note(change);
  // The mock's spec types come after the surface summary: they are not an SDK.
  const mockTypes = mockTypesOutput({ ...options, spec: plan.spec });
  if (mockTypes) {
    outputs.push(mockTypes);
    progress.done("mock types", "packages/mock/src/generated/openapi.gen.ts");
  }
  return options.check ? reportDrift(outputs, io) : write(outputs, progress);
}

/** The worker script, from the sources (src/commands/) or from the build (dist/). */
const WORKER = new URL(
  import.meta.url.includes("/dist/") ? "../worker/emit-worker.mjs" : "../../worker/emit-worker.mjs",
  import.meta.url,
);

/**
 * Emit one language in a worker thread: every language then emits at the same time as the others (hey-api's
 * TypeScript types are the longest stage), so all four cost about what the slowest one costs.
 */
function emitInWorker(language: string, plan: SdkPlan, context: EmitContext): Promise<GeneratedFile[]> {
  const target = targetModule(language)!;
  const workerData = { module: target.module, exportName: target.export, plan, context };
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { workerData });
    worker.once(
      "message",
      (message: { files?: GeneratedFile[]; error?: { name: string; message: string } }) => {
        void worker.terminate();
        if (message.files) resolve(message.files);
        else reject(new EmitterError(language, message.error ?? { name: "Error", message: "no output" }));
      },
    );
    worker.once("error", (error) => reject(new EmitterError(language, error)));
  });
}

/** An emitter failed (in a worker or inline); names the language and the cause, never a stack. */
export class EmitterError extends Error {
  constructor(language: string, cause: { name: string; message: string }) {
    super(`the ${language} emitter failed: ${cause.name}: ${cause.message}`);
    this.name = "EmitterError";
  }
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
