import { type IR, type Operation, planAuth } from "@embott/codegen-core";
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
      ...tagsOf(operation, ir.security),
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
  lines.push(authSummary(ir));
  return `${lines.join("\n")}\n`;
}

/** `auth: (api_email + api_key) | api_token; options auth_email=REPRO_AUTH_EMAIL, …`, or `auth: none`. */
function authSummary(ir: IR): string {
  const { credentials } = planAuth(ir);
  if (credentials.length === 0) return "auth: none (the client has no credential option)";
  const alternative = (requirement: IR["security"][number]) =>
    requirement.schemes.length === 0
      ? "anonymous"
      : requirement.schemes.length === 1
        ? requirement.schemes[0]!.id
        : `(${requirement.schemes.map((scheme) => scheme.id).join(" + ")})`;
  const root = ir.security.length > 0 ? ir.security.map(alternative).join(" | ") : "per operation";
  const options = credentials.map((credential) => `${credential.name.join("_")}=$${credential.env}`);
  return `auth: ${root}; options ${options.join(", ")}`;
}

/** Tags such as pagination=cursor, streaming, scopes=a,b, deprecated. */
export function tagsOf(operation: Operation, rootSecurity: IR["security"] = []): string[] {
  const tags: string[] = [];
  if (operation.pagination) tags.push(`pagination=${operation.pagination.style}`);
  if (operation.streaming) tags.push(streamingTag(operation));
  if (operation.body) tags.push(`body=${operation.body.encoding}`);
  if (operation.response.kind === "binary") tags.push("binary");
  if (operation.scopes.length > 0) tags.push(`scopes=${operation.scopes.join(",")}`);
  const auth = authTag(operation, rootSecurity);
  if (auth) tags.push(auth);
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

/** `auth=none` for `security: []`, `auth=a+b|c` when an operation's own alternatives differ from the root's. */
function authTag(operation: Operation, rootSecurity: IR["security"]): string | undefined {
  if (operation.securityOrigin !== "operation") return undefined;
  if (operation.security.length === 0) return "auth=none";
  const shape = (security: IR["security"]) =>
    security.map((alternative) => alternative.schemes.map((scheme) => scheme.id).join("+")).join("|");
  const own = shape(operation.security);
  return rootSecurity.length > 0 && own !== shape(rootSecurity) ? `auth=${own}` : undefined;
}

/** `streaming`, plus the body flag a stream twin sets (`streaming(stream_format=sse)`). */
function streamingTag(operation: Operation): string {
  const { flag, flagValue } = operation.streaming!;
  return flag ? `streaming(${flag}=${String(flagValue ?? true)})` : "streaming";
}
