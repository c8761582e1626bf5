import type { EmitContext, Emitter, GeneratedFile, SdkPlan } from "@embott/codegen-core";
import { apiReference } from "./api-md";
import { clientFile } from "./client-file";
import { entryFile, flatten, versionFile } from "./entry-file";
import { buildRubySdk } from "./from-plan";
import { modelFile } from "./model-file";
import { runtimeFiles } from "./runtime-files";
import { serviceFile } from "./service-file";
import { ModelIndex } from "./types";

/** Ruby back end: a gem's lib/ (runtime copy, models, services, client, entry file). */
export const rubyEmitter: Emitter = {
  language: "ruby",
  async emit(plan: SdkPlan, context: EmitContext): Promise<GeneratedFile[]> {
    const sdk = buildRubySdk(plan);
    const index = new ModelIndex(sdk.models, `${sdk.moduleName}::Models`);
    const spec = context.specFile;
    return [
      entryFile(sdk, spec),
      versionFile(sdk),
      clientFile(sdk, spec),
      ...runtimeFiles(sdk.libDir, sdk.moduleName, spec),
      ...sdk.models.flatMap((model) => modelFile(sdk, model, index, spec) ?? []),
      ...flatten(sdk.services).map((service) => serviceFile(sdk, service, index, spec)),
      apiReference(sdk, index, spec),
    ];
  },
};
