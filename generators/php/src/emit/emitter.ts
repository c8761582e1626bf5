import {
  type EmitContext,
  type Emitter,
  type GeneratedFile,
  type LanguageNaming,
  PLAN_VERSION,
  readReleaseVersion,
  type SdkPlan,
} from "@embott/codegen-core";
import { apiReference } from "./api-md";
import { clientFile } from "./client-file";
import { phpView, SDK_VERSION } from "./from-plan";
import { enumFile, type Namespaces, objectModelFile, unionFile } from "./model-file";
import { packagedRuntimeFile, readRuntimeFiles } from "./runtime-files";
import { serviceFile } from "./service-file";
import type { PhpService } from "./view";

/** The PHP emitter: the SDK plan in; the client, services, models, the runtime and api.md out. */
export function createPhpEmitter(naming: LanguageNaming): Emitter {
  return {
    language: "php",
    async emit(plan: SdkPlan, context: EmitContext): Promise<GeneratedFile[]> {
      if (plan.planVersion !== PLAN_VERSION) {
        throw new Error(`The PHP emitter reads SDK plan version ${PLAN_VERSION}, got ${plan.planVersion}.`);
      }
      const sdk = phpView(plan, naming, await readReleaseVersion(context.outDir, SDK_VERSION));
      const ns: Namespaces = {
        root: sdk.namespace,
        model: `${sdk.namespace}\\Model`,
        service: `${sdk.namespace}\\Service`,
      };
      const spec = context.specFile;
      const files: GeneratedFile[] = [{ path: "src/Client.php", contents: clientFile(sdk, ns, spec) }];
      for (const model of sdk.models) {
        const contents =
          model.kind === "object"
            ? objectModelFile(model, ns, spec)
            : model.kind === "enum"
              ? enumFile(model, ns, spec)
              : unionFile(model, ns, spec);
        files.push({ path: `src/Model/${model.className}.php`, contents });
      }
      for (const service of flatten(sdk.services)) {
        files.push({
          path: `src/Service/${service.className}.php`,
          contents: serviceFile(service, ns, spec, sdk.events?.className),
        });
      }
      // the catch-all interface is named after the package (`EmbottException` → `AcmeException`), so is its file
      const catchAll = `Exception/${sdk.namespace}Exception.php`;
      for (const runtime of await readRuntimeFiles()) {
        files.push({
          path: `src/${runtime.path === "Exception/EmbottException.php" ? catchAll : runtime.path}`,
          contents: packagedRuntimeFile(runtime.contents, sdk.namespace, spec),
        });
      }
      files.push({ path: "api.md", contents: apiReference(sdk, spec) });
      return files;
    },
  };
}

function flatten(services: readonly PhpService[]): PhpService[] {
  return services.flatMap((service) => [service, ...flatten(service.children)]);
}
