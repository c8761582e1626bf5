import type { MethodPlan, ResourcePlan, SdkPlan } from "@embott/codegen-core";
import { markdownHeader } from "./header";
import { returnType } from "./method";
import type { TsNames } from "./names";
import { resourceFile } from "./resource";
import { newUsage, TYPES_NAMESPACE, type TypePrinter } from "./type-printer";
import type { WebhookTypes } from "./webhooks";

export const API_MD_FILE = "api.md";

export interface ApiMdInput {
  plan: SdkPlan;
  names: TsNames;
  types: TypePrinter;
  webhooks: WebhookTypes | undefined;
  specLabel: string;
}

/**
 * Prints `api.md`: every `client.<resource>.<method>()` with its HTTP route, params type and return type, the
 * webhook helpers, and the runtime's `Page` and `Stream` types the methods return.
 */
export function renderApiMd(input: ApiMdInput): string {
  const { plan, names } = input;
  const lines = [
    markdownHeader(input.specLabel),
    "",
    `# ${plan.info.title} — TypeScript API (\`${names.client}\`)`,
    "",
  ];
  lines.push(
    "Types named here are exported from the package root (and all of them under `Types`). The client is also the",
    `default export, and every error class is a static of it (\`${names.client}.NotFoundError\`).`,
    "",
  );
  const visit = (resource: ResourcePlan, accessor: string): void => {
    if (resource.methods.length > 0 || resource.verifiesWebhooks) {
      lines.push(
        `## ${names.resourceClass(resource)}`,
        "",
        `\`${accessor}\` — \`src/${resourceFile(resource)}\``,
        "",
      );
      if (resource.methods.length > 0) {
        lines.push("| method | HTTP | params | returns |", "|---|---|---|---|");
        for (const method of resource.methods) lines.push(methodRow(input, resource, method, accessor));
        lines.push("");
      }
      if (resource.verifiesWebhooks) lines.push(...webhookHelpers(input, accessor));
    }
    for (const child of resource.children)
      visit(child, `${accessor}.${names.resourceProperty(child, resource)}`);
  };
  for (const resource of plan.resources)
    visit(resource, `client.${names.resourceProperty(resource, "client")}`);
  lines.push(...runtimeTypes());
  return `${lines.join("\n").trimEnd()}\n`;
}

function methodRow(input: ApiMdInput, resource: ResourcePlan, method: MethodPlan, accessor: string): string {
  const call = `\`${accessor}.${input.names.method(resource, method)}()\`${method.deprecated ? " (deprecated)" : ""}`;
  const route = `\`${method.request.method.toUpperCase()} ${method.request.path}\``;
  const paramsType = input.names.paramsType(method);
  const params = paramsType ? `\`${paramsType}\`` : "—";
  const returns = returnType({ types: input.types, usage: newUsage() }, method);
  return `| ${call} | ${route} | ${params} | \`${readable(returns)}\` |`;
}

function webhookHelpers(input: ApiMdInput, accessor: string): string[] {
  const event = readable(input.webhooks?.type ?? "unknown");
  return [
    "| webhook helper | returns |",
    "|---|---|",
    `| \`${accessor}.verify(rawBody, signature, secret?, options?)\` | \`Promise<void>\` (rejects with \`InvalidWebhookSignatureError\`) |`,
    `| \`${accessor}.unwrap(rawBody, signature, secret?, options?)\` | \`Promise<${event}>\` (the verified, parsed event) |`,
    `| \`${accessor}.generateTestHeader({ payload, secret?, timestamp? })\` | \`Promise<string>\` (a valid signature header, for tests) |`,
    "",
  ];
}

function runtimeTypes(): string[] {
  return [
    "## Runtime types",
    "",
    "| type | what it is |",
    "|---|---|",
    "| `APIPromise<T>` | a `Promise<T>` with `.withResponse()` (data, raw `Response`, request id) |",
    "| `PagePromise<Item>` / `Page<Item>` | awaiting gives the first `Page` (`.data`, `.hasNextPage()`, `.getNextPage()`); `for await` yields every item across pages |",
    "| `Stream<Event, Final>` | `for await` yields each server-sent event; `.finalMessage()` consumes the stream and resolves to its final event (typed `Final`, e.g. the completed message); `.abort()` |",
    "",
  ];
}

/** `Types.Bot | null` → `Bot \| null` (table-safe, namespace dropped). */
function readable(type: string): string {
  return type.replaceAll(`${TYPES_NAMESPACE}.`, "").replaceAll("|", "\\|");
}
