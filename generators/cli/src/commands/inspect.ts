import type { IR, Operation } from "@embott/codegen-core";
import { specForInspect } from "../config";
import { type CliIO, EXIT, Progress } from "../io";
import { loadIR } from "./load-ir";

/** Print the operation summary (or the whole IR with --json). */
export async function inspect(
  options: { spec?: string; config?: string; json: boolean; strict?: boolean },
  io: CliIO,
): Promise<number> {
  const ir = await loadIR(specForInspect(options), new Progress(io), options);
  io.stdout.write(options.json ? `${JSON.stringify(ir, null, 2)}\n` : formatInspect(ir));
  return EXIT.ok;
}

/** One line per operation, then webhook events and model count. */
export function formatInspect(ir: IR): string {
  const operations = ir.resources.flatMap((resource) => resource.operations);
  const width = Math.max(0, ...operations.map((operation) => operation.id.length));
  const pathWidth = Math.max(0, ...operations.map((operation) => operation.path.length));
  const lines = operations.map((operation) =>
    [
      operation.id.padEnd(width),
      operation.httpMethod.toUpperCase().padEnd(7),
      operation.path.padEnd(pathWidth),
      ...tagsOf(operation),
    ]
      .join("  ")
      .trimEnd(),
  );
  const paged = operations.filter((operation) => operation.pagination);
  if (paged.length > 0) {
    lines.push("", "pagination (how each was recognised):");
    for (const operation of paged)
      lines.push(`  ${operation.id.padEnd(width)}  ${paginationSource(operation)}`);
  }
  lines.push("");
  lines.push(`${operations.length} operations in ${ir.resources.length} resources`);
  lines.push(
    `webhook events: ${ir.webhooks.length}${ir.webhooks.length > 0 ? ` (${ir.webhooks.map((event) => event.type).join(", ")})` : ""}`,
  );
  lines.push(`models: ${ir.models.length}`);
  return `${lines.join("\n")}\n`;
}

/** Tags such as pagination=cursor, streaming, scopes=a,b, deprecated. */
export function tagsOf(operation: Operation): string[] {
  const tags: string[] = [];
  if (operation.pagination) tags.push(`pagination=${operation.pagination.style}`);
  if (operation.streaming) tags.push("streaming");
  if (operation.body) tags.push(`body=${operation.body.encoding}`);
  if (operation.response.kind === "binary") tags.push("binary");
  if (operation.scopes.length > 0) tags.push(`scopes=${operation.scopes.join(",")}`);
  if (operation.deprecated) tags.push("deprecated");
  if (operation.idempotent && operation.httpMethod !== "get") tags.push("idempotent");
  return tags;
}

/** `x-embott-pagination (cursor)` or the evidence inference used (`cursor: query "after", next cursor …`). */
function paginationSource(operation: Operation): string {
  const pagination = operation.pagination!;
  if (pagination.origin === "extension") return `${pagination.style}: x-embott-pagination`;
  return pagination.recognisedBy ?? `${pagination.style}: inferred`;
}
