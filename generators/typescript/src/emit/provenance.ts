import type { SdkPlan } from "@embott/codegen-core";
import { GENERATED_MARKER } from "@embott/codegen-core";

export const PROVENANCE_FILE = ".embott-codegen.json";

export interface ProvenanceInput {
  plan: SdkPlan;
  specLabel: string;
  generatorVersion: string;
  sdkVersion: string;
  /** Which printer produced `types.gen.ts`, with its version. */
  typesPrinter: string;
}

/** `.embott-codegen.json`: which spec (by hash) and which generator produced the SDK, for cheap drift checks. */
export function renderProvenance(input: ProvenanceInput): string {
  const provenance = {
    notice: `${GENERATED_MARKER} from ${input.specLabel}. DO NOT EDIT.`,
    language: "typescript",
    spec: input.specLabel,
    specSha256: input.plan.source.sha256,
    openapi: input.plan.source.openapi,
    irVersion: input.plan.irVersion,
    planVersion: input.plan.planVersion,
    generatorVersion: input.generatorVersion,
    sdkVersion: input.sdkVersion,
    typesPrinter: input.typesPrinter,
  };
  return `${JSON.stringify(provenance, null, 2)}\n`;
}
