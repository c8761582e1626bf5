import { CodeWriter } from "../printer";
import { CLIENT_FILE } from "./client";
import { tsHeader } from "./header";
import type { ResourcePlan } from "./resource";
import { TYPES_NAMESPACE } from "./types-module";
import { WEBHOOK_EVENTS_FILE, type WebhooksPlan } from "./webhooks";

export interface BarrelInput {
  clientClass: string;
  /** The client's own options type (server variables), when it has one. */
  clientOptions?: string;
  resources: readonly ResourcePlan[];
  webhooks?: WebhooksPlan;
  /** Every type name hey-api exported, and the names the runtime barrel already exports. */
  typeNames: readonly string[];
  runtimeNames: ReadonlySet<string>;
  specLabel: string;
}

/**
 * Prints `src/index.ts`: the client, the runtime's public surface, every resource
 * class with its params types, and the printed types. A printed type whose name the runtime already exports
 * (a schema called `APIError`, say) stays reachable as `Types.APIError`.
 */
export function renderBarrel(input: BarrelInput): string {
  const writer = new CodeWriter().line(tsHeader(input.specLabel)).blank();
  const clientExports = [input.clientClass, ...(input.clientOptions ? [`type ${input.clientOptions}`] : [])];
  writer.line(`export { ${clientExports.join(", ")} } from "./${jsModule(CLIENT_FILE)}";`);
  writer.line(`export * from "./core/index.js";`);
  for (const resource of input.resources) {
    const names = [
      resource.className,
      ...resource.methods.flatMap((method) => paramsExport(method.paramsType)),
    ];
    writer.line(`export { ${names.join(", ")} } from "./${jsModule(resource.file)}";`);
  }
  if (input.webhooks?.ownUnion) {
    writer.line(`export type { ${input.webhooks.ownUnion.name} } from "./${jsModule(WEBHOOK_EVENTS_FILE)}";`);
  }
  writer.line(`export type * as ${TYPES_NAMESPACE} from "./types.gen.js";`);
  const typeNames = input.typeNames.filter((name) => !input.runtimeNames.has(name));
  if (typeNames.length > 0) writeTypeExports(writer, typeNames);
  return writer.toString();
}

function writeTypeExports(writer: CodeWriter, names: readonly string[]): void {
  writer.line("export type {");
  writer.indented(() => {
    for (const name of [...names].sort()) writer.line(`${name},`);
  });
  writer.line(`} from "./types.gen.js";`);
}

function paramsExport(paramsType: string | undefined): string[] {
  return paramsType ? [`type ${paramsType}`] : [];
}

/** `client.ts` → `client.js` (Node ESM specifiers name the emitted file). */
function jsModule(path: string): string {
  return path.replace(/\.ts$/, ".js");
}
