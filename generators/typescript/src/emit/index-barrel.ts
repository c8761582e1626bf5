import { allResources, type SdkPlan } from "@embott/codegen-core";
import { CodeWriter } from "../printer";
import { CLIENT_FILE } from "./client";
import { tsHeader } from "./header";
import type { TsNames } from "./names";
import { resourceFile } from "./resource";
import { TYPES_NAMESPACE } from "./type-printer";
import { WEBHOOK_EVENTS_FILE, type WebhookTypes } from "./webhooks";

export interface BarrelInput {
  plan: SdkPlan;
  names: TsNames;
  /** The client's own options type (server variables), when it has one. */
  clientOptions?: string;
  webhooks?: WebhookTypes;
  /** Model type names printed in `types.gen.ts`. */
  modelNames: readonly string[];
  specLabel: string;
}

/**
 * Prints `src/index.ts`: the client (also the default export), the runtime's public surface, every resource
 * class with its params types, and the model types. A model whose name the runtime or the SDK already exports
 * stays reachable as `Types.<Name>`.
 */
export function renderBarrel(input: BarrelInput): string {
  const { names } = input;
  const writer = new CodeWriter().line(tsHeader(input.specLabel)).blank();
  const client = names.client;
  const clientExports = [
    client,
    `${client} as default`,
    ...(input.clientOptions ? [`type ${input.clientOptions}`] : []),
  ];
  writer.line(`export { ${clientExports.join(", ")} } from "./${jsModule(CLIENT_FILE)}";`);
  writer.line(`export * from "./core/index.js";`);
  for (const resource of allResources(input.plan)) {
    const exported = [
      names.resourceClass(resource),
      ...resource.methods.flatMap((method) => {
        const paramsType = names.paramsType(method);
        return paramsType ? [`type ${paramsType}`] : [];
      }),
    ];
    writer.line(`export { ${exported.join(", ")} } from "./${jsModule(resourceFile(resource))}";`);
  }
  if (input.webhooks?.ownUnion) {
    writer.line(`export type { ${input.webhooks.ownUnion} } from "./${jsModule(WEBHOOK_EVENTS_FILE)}";`);
  }
  writer.line(`export type * as ${TYPES_NAMESPACE} from "./types.gen.js";`);
  const models = input.modelNames.filter((name) => !names.isExported(name));
  if (models.length > 0) {
    writer.line("export type {");
    writer.indented(() => {
      for (const name of [...models].sort()) writer.line(`${name},`);
    });
    writer.line(`} from "./types.gen.js";`);
  }
  return writer.toString();
}

/** `client.ts` → `client.js` (Node ESM specifiers name the emitted file). */
function jsModule(path: string): string {
  return path.replace(/\.ts$/, ".js");
}
