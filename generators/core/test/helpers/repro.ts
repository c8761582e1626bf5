import { join } from "node:path";
import { REPRO_DIR } from "../../../../testdata/corpus";
import { buildIR, type IR, type LoadedSpec, loadSpec, type Operation } from "../../src/index";

/** Path of one spec of testdata/repro (see its README for what each reproduces). */
export const reproSpec = (name: string): string => join(REPRO_DIR, name);

/** Load and build the IR of a repro spec through the same path as the CLI. */
export async function reproIR(name: string): Promise<{ spec: LoadedSpec; ir: IR }> {
  const spec = await loadSpec(reproSpec(name));
  return { spec, ir: buildIR(spec) };
}

/** Operations of an IR by id. */
export function operationsById(ir: IR): Record<string, Operation> {
  return Object.fromEntries(ir.resources.flatMap((resource) => resource.operations).map((op) => [op.id, op]));
}
