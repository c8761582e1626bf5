import type { SdkPlan } from "@embott/codegen-core";
import { allResources } from "@embott/codegen-core";
import type { PythonNames } from "./names";

/** `api.md`: every resource and method with its HTTP route, like the TypeScript SDK's reference. */
export function renderApiMarkdown(plan: SdkPlan, names: PythonNames, header: string): string {
  const client = names.id(plan.client.name, "parameter");
  const lines = [header, "", `# ${plan.info.title} — Python API reference`, ""];
  lines.push(
    `Every method exists on \`${names.type(plan.client.name)}\` and, with \`await\`, on \`Async${names.type(plan.client.name)}\`. ` +
      "Methods take keyword arguments (path params may be positional) plus `extra_headers`, `extra_query`, " +
      "`extra_body`, `timeout`, `max_retries` and, on writes, `idempotency_key`. `.with_raw_response.<method>` " +
      "returns the `APIResponse` (status, headers, `.parse()`).",
    "",
  );
  for (const resource of allResources(plan)) {
    const path = resource.id
      .split(".")
      .map((_, index, parts) =>
        names.id(parts[index] === undefined ? [] : (resource.path[index] ?? []), "resource"),
      )
      .join(".");
    lines.push(`## ${path}`, "");
    if (resource.description) lines.push(resource.description.split("\n\n")[0] ?? "", "");
    for (const method of resource.methods) {
      const name = names.id(method.name, "method");
      const returns =
        method.kind === "page"
          ? "SyncPage[…] (iterate for every item)"
          : method.kind === "stream"
            ? "SyncStream[…]"
            : "";
      lines.push(
        `- \`${client}.${path}.${name}(${method.params.map((param) => names.param(param.name)).join(", ")})\` — ` +
          `\`${method.request.method.toUpperCase()} ${method.request.path}\`${method.docs.summary ? `: ${method.docs.summary}` : ""}` +
          (returns ? ` → ${returns}` : ""),
      );
    }
    if (resource.verifiesWebhooks && plan.webhooks?.signature) {
      lines.push(
        `- \`${client}.${path}.verify(payload, headers, secret)\` — checks a delivery's \`${plan.webhooks.signature.header}\``,
        `- \`${client}.${path}.unwrap(payload, headers, secret)\` — verifies, then returns the typed event`,
        `- \`${client}.${path}.generate_test_header(payload, secret)\` — a valid signature header for your tests`,
      );
    }
    lines.push("");
  }
  return `${lines.join("\n").trimEnd()}\n`;
}
