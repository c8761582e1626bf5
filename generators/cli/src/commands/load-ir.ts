import {
  buildIR,
  buildPlan,
  formatProblem,
  type IR,
  loadSpec,
  type Problem,
  type SdkPlan,
} from "@embott/codegen-core";
import type { Progress } from "../io";

/** Options of loading: `strict` turns every structural problem into an error. */
export interface LoadOptions {
  strict?: boolean;
}

/**
 * Load, validate and normalise the spec, then build the IR, reporting each stage. Warnings are printed one per
 * line (file:line:col pointer) and counted in one summary line. SpecError propagates.
 */
export async function loadIR(specFile: string, progress: Progress, options: LoadOptions = {}): Promise<IR> {
  const loaded = await loadIRAndDocument(specFile, progress, options);
  loaded.report();
  return loaded.ir;
}

/** The IR, then the SDK plan every emitter reads, and the bundled document (for hey-api). */
export async function loadPlan(
  specFile: string,
  progress: Progress,
  options: LoadOptions = {},
): Promise<{ plan: SdkPlan; document: Record<string, unknown> }> {
  const loaded = await loadPlanQuietly(specFile, progress, options);
  loaded.report();
  return loaded;
}

/**
 * `loadPlan` whose report (the stage lines and the warnings) is printed by `report()`, so that `generate` hands
 * the plan to the emit workers first: a warning's line number may need a parse of the whole file's YAML AST.
 * A failure after loading prints what was loaded before it propagates.
 */
export async function loadPlanQuietly(
  specFile: string,
  progress: Progress,
  options: LoadOptions = {},
): Promise<{ plan: SdkPlan; document: Record<string, unknown>; report: () => void }> {
  const { ir, document, report } = await loadIRAndDocument(specFile, progress, options);
  const started = performance.now();
  let plan: SdkPlan;
  try {
    plan = buildPlan(ir, { document });
  } catch (error) {
    report();
    throw error;
  }
  const planMs = performance.now() - started;
  return {
    plan,
    document,
    report: () => {
      report();
      progress.report("plan", planMs);
    },
  };
}

async function loadIRAndDocument(specFile: string, progress: Progress, options: LoadOptions) {
  const spec = await loadSpec(specFile, { strict: options.strict === true });
  const reportLoad = () => {
    progress.report("load", spec.timings.read, specFile);
    progress.report("validate", spec.timings.validate);
    progress.report("bundle", spec.timings.bundle);
    progress.report("normalize", spec.timings.normalize, `OpenAPI ${spec.openapi}`);
    for (const warning of spec.warnings) progress.note(`  ${formatProblem(warning)}`);
    if (spec.warnings.length > 0) progress.note(warningSummary(spec.warnings, options.strict === true));
  };
  const started = performance.now();
  let ir: IR;
  try {
    ir = buildIR(spec);
  } catch (error) {
    reportLoad();
    throw error;
  }
  const irMs = performance.now() - started;
  const operations = ir.resources.reduce((count, resource) => count + resource.operations.length, 0);
  const report = () => {
    reportLoad();
    progress.report(
      "ir",
      irMs,
      `${ir.resources.length} resources, ${operations} methods, ${ir.models.length} models`,
    );
  };
  return { ir, document: spec.document, report };
}

/** `⚠ 3 warnings (2 struct, 1 external-ref); generation continues; --strict makes structural ones errors`. */
export function warningSummary(warnings: Problem[], strict: boolean): string {
  const byRule = new Map<string, number>();
  for (const warning of warnings) byRule.set(warning.rule, (byRule.get(warning.rule) ?? 0) + 1);
  const counts = [...byRule.entries()].map(([rule, count]) => `${count} ${rule}`).join(", ");
  const plural = warnings.length === 1 ? "warning" : "warnings";
  const hint = strict ? "" : "; --strict makes structural ones errors";
  return `⚠ ${warnings.length} ${plural} in the spec (${counts}); generation continues${hint}`;
}
