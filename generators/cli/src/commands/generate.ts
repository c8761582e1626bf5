import {
  AtomicWriter,
  checkDrift,
  type EmitContext,
  type GeneratedFile,
  isClean,
  type LanguageTarget,
  type OutputSet,
  type SdkPlan,
} from "@embott/codegen-core";
import { planOutputs } from "../config";
import { type EmitWorker, type LanguageEmitter, startEmitWorkers } from "../emit-worker";
import { type CliIO, EXIT, Progress } from "../io";
import { mockTypesOutput } from "../mock-types";
import { selectLanguages, selectTargets } from "../targets";
import { surfaceChange } from "./diff";
import { loadPlanQuietly } from "./load-ir";

/** Options of `generate`. */
export interface GenerateOptions {
  spec?: string;
  out?: string;
  languages?: string[];
  check: boolean;
  strict?: boolean;
  /**
   * Emit in worker threads (default: when several languages come from the registry): TypeScript's emitter
   * always, each other language too when the machine has a core for every language (see `threadedLanguages`).
   */
  parallel?: boolean;
  config?: string;
  generatorVersion: string;
}

/** Emit every selected language in memory, then write all files atomically, or compare them (--check). */
export async function generate(
  options: GenerateOptions,
  io: CliIO,
  targets?: readonly LanguageTarget[],
  started?: readonly EmitWorker[],
): Promise<number> {
  const progress = new Progress(io);
  const languages = selectLanguages(
    options.languages,
    targets?.map((target) => target.language),
  );
  if (targets === undefined && (options.parallel ?? languages.length > 1)) {
    // Each worker loads its emitter while this thread reads the spec; the others load their build meanwhile.
    // `started`: the CLI starts them before it loads this module (and the spec libraries).
    const workers = started ?? startEmitWorkers(options.languages, options.parallel);
    const emitters = languages.map(
      (language) => workers.find((worker) => worker.language === language) ?? new ThisThreadEmitter(language),
    );
    try {
      const loadTargets = () => selectTargets(languages);
      return await generateWith(emitters, options, io, progress, loadTargets);
    } finally {
      for (const worker of workers) worker.close();
    }
  }
  const selected = await selectTargets(options.languages, targets);
  for (const target of selected.filter((candidate) => !candidate.emitter))
    progress.note(`– ${target.language}: no emitter yet, skipped`);
  const ready = selected.filter((target) => target.emitter);
  if (ready.length === 0) return nothingToGenerate(selected, targets ?? (await selectTargets(undefined)), io);
  const inline = ready.map((target) => ({
    language: target.language,
    emit: (plan: SdkPlan, context: EmitContext) => target.emitter!.emit(plan, context),
  }));
  return generateWith(inline, options, io, progress, async () => selected);
}

async function generateWith(
  emitters: readonly LanguageEmitter[],
  options: GenerateOptions,
  io: CliIO,
  progress: Progress,
  loadTargets: () => Promise<readonly LanguageTarget[]>,
): Promise<number> {
  const plan = planOutputs(
    options,
    emitters.map((emitter) => emitter.language),
  );
  const { plan: sdkPlan, document, report } = await loadPlanQuietly(plan.spec, progress, options);
  // Each language's files are staged (written next to their targets) as soon as it has emitted, while the
  // others still emit; the moves into place come at the end, all-or-nothing.
  const writer = options.check ? undefined : new AtomicWriter();
  try {
    const started = performance.now();
    const emitting = Promise.all(
      emitters.map(async (emitter): Promise<OutputSet | undefined> => {
        const outDir = plan.outDirs[emitter.language]!;
        const context = { specFile: plan.spec, document, outDir, generatorVersion: options.generatorVersion };
        const files = await emitter.emit(sdkPlan, context);
        if (!files) {
          progress.note(`– ${emitter.language}: no emitter yet, skipped`);
          return undefined;
        }
        progress.report(emitter.language, performance.now() - started, `${files.length} files`);
        writer?.stage({ outDir, files });
        return { outDir, files };
      }),
    );
    // The workers have the plan now: the load's stage lines and warnings (whose line numbers may parse the
    // spec's YAML once more) are printed while they emit, before any language's line.
    report();
    // The mock's types (another process) and, in this thread, the surface snapshot (and what changed since the
    // last run) are made while the workers emit.
    const mockTypes = mockTypesOutput({ ...options, spec: plan.spec });
    const outDirs = emitters.map((emitter) => plan.outDirs[emitter.language]!);
    const [emitted, surface, mock] = await Promise.all([
      emitting,
      surfaceChange(sdkPlan, outDirs, loadTargets),
      mockTypes,
    ]);
    const outputs = emitted.filter((output) => output !== undefined);
    if (outputs.length === 0)
      return nothingToGenerate(await loadTargets(), await selectTargets(undefined), io);
    for (const output of outputs) {
      output.files.push(surface.snapshot);
      writer?.stage({ outDir: output.outDir, files: [surface.snapshot] });
    }
    if (surface.change) progress.note(surface.change);
    // The mock's spec types come after the surface summary: they are not an SDK.
    if (mock) {
      outputs.push(mock);
      writer?.stage(mock);
      progress.done("mock types", "packages/mock/src/generated/openapi.gen.ts");
    }
    return writer ? await write(writer, progress) : await reportDrift(outputs, io);
  } finally {
    await writer?.discard();
  }
}

/** A language emitted in this thread while the workers emit; its package starts loading at once. */
class ThisThreadEmitter implements LanguageEmitter {
  private readonly target: Promise<LanguageTarget | undefined>;

  constructor(readonly language: string) {
    this.target = selectTargets([language]).then(([target]) => target);
    this.target.catch(() => undefined); // awaited in emit()
  }

  async emit(plan: SdkPlan, context: EmitContext): Promise<GeneratedFile[] | undefined> {
    const target = await this.target;
    return target?.emitter?.emit(plan, context);
  }
}

/** `--lang` named only languages without an emitter: a failed run, not a silent no-op. */
function nothingToGenerate(
  selected: readonly LanguageTarget[],
  known: readonly LanguageTarget[],
  io: CliIO,
): number {
  const names = selected.map((target) => target.language).join(", ");
  const ready = known.filter((target) => target.emitter).map((target) => target.language);
  io.stderr.write(
    `✗ nothing generated: no emitter exists yet for ${names}; languages with an emitter: ${ready.join(", ") || "none"}\n`,
  );
  return EXIT.failure;
}

async function write(writer: AtomicWriter, progress: Progress): Promise<number> {
  const summary = await writer.commit();
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
