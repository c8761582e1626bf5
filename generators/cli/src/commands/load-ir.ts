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
  return (await loadIRAndDocument(specFile, progress, options)).ir;
}

/** The IR, then the SDK plan every emitter reads, and the bundled document (for hey-api). */
export async function loadPlan(
  specFile: string,
  progress: Progress,
  options: LoadOptions = {},
): Promise<{ plan: SdkPlan; document: Record<string, unknown> }> {
  const { ir, document } = await loadIRAndDocument(specFile, progress, options);
  const started = performance.now();
  const plan = buildPlan(ir, { document });
  progress.report("plan", performance.now() - started);
  return { plan, document };
}

async function loadIRAndDocument(specFile: string, progress: Progress, options: LoadOptions) {
  const spec = await loadSpec(specFile, { strict: options.strict === true });
  progress.report("load", spec.timings.read, specFile);
  progress.report("validate", spec.timings.validate);
  progress.report("bundle", spec.timings.bundle);
  progress.report("normalize", spec.timings.normalize, `OpenAPI ${spec.openapi}`);
  for (const warning of spec.warnings) progress.note(`  ${formatProblem(warning)}`);
  if (spec.warnings.length > 0) progress.note(warningSummary(spec.warnings, options.strict === true));
  const ir = buildIR(spec);
  const operations = ir.resources.reduce((count, resource) => count + resource.operations.length, 0);
  progress.done("ir", `${ir.resources.length} resources, ${operations} methods, ${ir.models.length} models`);
  return { ir, document: spec.document };
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
