import type { IR } from "@embott/codegen-core";
import { markdownHeader } from "./header";
import type { MethodPlan } from "./method";
import type { ResourcePlan } from "./resource";
import { TYPES_NAMESPACE } from "./types-module";

export const API_MD_FILE = "api.md";

/** Prints `api.md`: every `client.<resource>.<method>` with its HTTP route, params type and return type. */
export function renderApiMd(
  ir: IR,
  clientClass: string,
  resources: readonly ResourcePlan[],
  specLabel: string,
): string {
  const lines = [
    markdownHeader(specLabel),
    "",
    `# ${ir.info.title} — TypeScript API (\`${clientClass}\`)`,
    "",
  ];
  lines.push("Types named here are exported from the package root (and all of them under `Types`).", "");
  for (const resource of resources) {
    if (resource.methods.length === 0) continue;
    const accessor = `client.${resource.node.path.map((segment) => segment.raw).join(".")}`;
    lines.push(`## ${resource.className}`, "", `\`${accessor}\` — \`${resource.file}\``, "");
    lines.push("| method | HTTP | params | returns |", "|---|---|---|---|");
    for (const method of resource.methods) lines.push(methodRow(resource, method));
    lines.push("");
  }
  return `${lines.join("\n").trimEnd()}\n`;
}

function methodRow(resource: ResourcePlan, method: MethodPlan): string {
  const { operation } = method;
  const call = `\`${resource.className}.${method.name}()\`${operation.deprecated ? " (deprecated)" : ""}`;
  const route = `\`${operation.httpMethod.toUpperCase()} ${operation.path}\``;
  const params = method.paramsType ? `\`${method.paramsType}\`` : "—";
  return `| ${call} | ${route} | ${params} | \`${readableType(method.returnType)}\` |`;
}

/** `PagePromise<NonNullable<Types.X>["data"][number]>` → `PagePromise<X["data"][number]>`. */
function readableType(type: string): string {
  let text = type.replaceAll(`${TYPES_NAMESPACE}.`, "");
  for (let previous = ""; previous !== text; ) {
    previous = text;
    text = text.replace(/NonNullable<([^<>]+)>/g, "$1");
  }
  return text.replaceAll("|", "\\|");
}
