import type { IR } from "@embott/codegen-core";
import { CodeWriter } from "../printer";
import { sdkConfigLiteral } from "./client-config";
import { tsHeader } from "./header";
import { ImportSet, RUNTIME } from "./imports";
import type { ResourcePlan } from "./resource";
import { OPTIONS_PARAM, type ServerOptionsPlan, writeServerOptions } from "./server-options";

export const CLIENT_FILE = "client.ts";

export interface ClientPlan {
  className: string;
  resources: { property: string; plan: ResourcePlan }[];
  /** Typed options for the default server's variables, when it has any. */
  serverOptions: ServerOptionsPlan | undefined;
}

/** Prints `client.ts`: the client class wiring every top-level resource to the runtime's `APIClient`. */
export function renderClient(ir: IR, plan: ClientPlan, sdkVersion: string, specLabel: string): string {
  const imports = new ImportSet(CLIENT_FILE)
    .add(RUNTIME.client, "APIClient")
    .type(RUNTIME.options, "ClientOptions");
  for (const resource of plan.resources) {
    imports.add(resource.plan.file.replace(/\.ts$/, ""), resource.plan.className);
  }
  const body = new CodeWriter();
  const server = plan.serverOptions;
  if (server) writeServerOptions(body, server, ir.servers[0]!.url).blank();
  body.doc(clientDocs(ir));
  body.block(`export class ${plan.className} extends APIClient`, () => {
    for (const resource of plan.resources) {
      body.line(
        `readonly ${resource.property}: ${resource.plan.className} = new ${resource.plan.className}(this);`,
      );
    }
    body.blank();
    body.block(`constructor(${OPTIONS_PARAM}: ${server?.typeName ?? "ClientOptions"} = {})`, () => {
      const config = sdkConfigLiteral({ ir, sdkVersion, ...(server ? { baseURL: server.baseURL } : {}) });
      body.line(`super(${OPTIONS_PARAM}, ${config});`);
    });
  });
  const file = new CodeWriter().line(tsHeader(specLabel)).blank();
  imports.write(file);
  return `${file.toString()}\n${body.toString()}`;
}

function clientDocs(ir: IR): string {
  const title = `Client for the ${ir.info.title} (version ${ir.info.version}).`;
  const env = `The API key defaults to \`${ir.sdk.apiKeyEnv}\` and the base URL to \`${ir.sdk.baseUrlEnv}\`.`;
  return [title, ir.info.summary, env].filter(Boolean).join("\n\n");
}
