import { buildIR, buildPlan, formatProblem, type IR, loadSpec, type SdkPlan } from "@embott/codegen-core";
import type { Progress } from "../io";

/** Load, validate and normalise the spec, then build the IR, reporting each stage. SpecError propagates. */
export async function loadIR(specFile: string, progress: Progress): Promise<IR> {
  return (await loadIRAndDocument(specFile, progress)).ir;
}

/** The IR, then the SDK plan every emitter reads, and the bundled document (for hey-api). */
export async function loadPlan(
  specFile: string,
  progress: Progress,
): Promise<{ plan: SdkPlan; document: Record<string, unknown> }> {
  const { ir, document } = await loadIRAndDocument(specFile, progress);
  const started = performance.now();
  const plan = buildPlan(ir, { document });
  progress.report("plan", performance.now() - started);
  return { plan, document };
}

async function loadIRAndDocument(specFile: string, progress: Progress) {
  const spec = await loadSpec(specFile);
  progress.report("load", spec.timings.read, specFile);
  progress.report("validate", spec.timings.validate, warningSummary(spec.warnings.length));
  progress.report("bundle", spec.timings.bundle);
  progress.report("normalize", spec.timings.normalize, `OpenAPI ${spec.openapi}`);
  for (const warning of spec.warnings) progress.note(`  ${formatProblem(warning)}`);
  const ir = buildIR(spec);
  const operations = ir.resources.reduce((count, resource) => count + resource.operations.length, 0);
  progress.done("ir", `${ir.resources.length} resources, ${operations} methods, ${ir.models.length} models`);
  return { ir, document: spec.document };
}

function warningSummary(count: number): string {
  return count === 0 ? "" : `${count} warning(s)`;
}
