import { type GeneratedFile, generatedHeader } from "@embott/codegen-core";
import { flatten } from "./entry-file";
import type { RubyMethod, RubySdk, RubyService } from "./sdk-view";
import type { ModelIndex } from "./types";

/** api.md: every service method with its HTTP call, keyword arguments and return type, then the runtime's types. */
export function apiReference(sdk: RubySdk, index: ModelIndex, specFile: string): GeneratedFile {
  const root = sdk.moduleName;
  const lines: string[] = [
    generatedHeader(specFile, "html"),
    "",
    `# ${sdk.title} — Ruby API (\`${root}\`)`,
    "",
  ];
  lines.push(
    `\`${root}::Client.new(${sdk.config.credentials.map((credential) => `${credential.keyword}:, `).join("")}base_url:, max_retries:, timeout:, open_timeout:, max_retry_after:, logger:, default_headers:, webhook_secret:${sdk.config.serverVariables.map((variable) => `, ${variable.keyword}:`).join("")})\`; every service below is a reader on the client. Keyword arguments in **bold** are required; the others default to \`${root}::OMIT\` (not sent). Every method also takes \`request_options:\` (\`max_retries\`, \`timeout\`, \`idempotency_key\`, \`extra_headers\`, \`extra_query\`).`,
    "",
  );
  for (const service of flatten(sdk.services)) lines.push(...serviceSection(sdk, service, index));
  lines.push(...runtimeSection(root));
  return { path: "api.md", contents: `${lines.join("\n").trimEnd()}\n` };
}

function serviceSection(sdk: RubySdk, service: RubyService, index: ModelIndex): string[] {
  const out = [
    `## ${service.className}`,
    "",
    `\`client.${service.reader}\` — \`lib/${sdk.libDir}/services/${service.file}.rb\``,
    "",
  ];
  const rows = service.methods.map((method) => [
    `\`${method.name}\``,
    `\`${method.httpMethod.toUpperCase()} ${method.path}\``,
    keywords(method),
    `\`${returns(method, index)}\``,
  ]);
  if (service.webhookHelpers) {
    rows.push([
      "`verify(payload, header, secret = nil, tolerance:, now:)`",
      "—",
      "raw body, header(s)",
      "`true`",
    ]);
    rows.push([
      "`unwrap(payload, header, secret = nil, tolerance:, now:)`",
      "—",
      "raw body, header(s)",
      "the event model",
    ]);
    rows.push(["`generate_test_header(payload, secret = nil, timestamp:)`", "—", "body", "`String`"]);
  }
  if (rows.length > 0) out.push(...table(["method", "HTTP", "keyword arguments", "returns"], rows), "");
  return out;
}

function keywords(method: RubyMethod): string {
  const names = method.params.map((param) =>
    param.required && param.fixed === undefined ? `**${param.keyword}**` : param.keyword,
  );
  if (method.extraBodyFields) names.push("**extra_fields");
  return names.join(", ") || "—";
}

function returns(method: RubyMethod, index: ModelIndex): string {
  const returns = method.returns;
  switch (returns.kind) {
    case "page":
      return `Page<${returns.item ? index.yardType(returns.item) : "Object"}>`;
    case "stream":
      return `Stream<${returns.event ? index.yardType(returns.event) : "String"}>`;
    case "empty":
      return "nil";
    case "text":
    case "binary":
      return "String";
    default:
      return returns.type ? index.yardType(returns.type) : "Object";
  }
}

function runtimeSection(root: string): string[] {
  return [
    "## Runtime",
    "",
    ...table(
      ["class", "what it is"],
      [
        [
          `\`${root}::Page\``,
          "`data`, `next_page?`, `next_page`, `each_page`, `auto_paging_each` (Enumerator without a block; `.lazy`)",
        ],
        [
          `\`${root}::Stream\``,
          "Enumerable SSE events; `each`, `final_message`; closes the connection when the loop ends",
        ],
        [
          `\`${root}::Model\``,
          "readers, `[]`, `to_h`, `to_json`, `key?`, pattern matching; unknown fields kept; `last_response` on a call's result",
        ],
        [
          `\`${root}::ResponseInfo\``,
          "`result.last_response` / `page.last_response`: `status`, `request_id`, `rate_limit`, `headers` (scrubbed)",
        ],
        [`\`${root}::FilePart\``, "bytes with a filename and content type for multipart uploads"],
        [`\`${root}::WebhookSignature\``, "`verify`, `unwrap`, `generate_test_header` for any scheme"],
        [`\`${root}::Error\``, "root of every error the SDK raises"],
        [
          `\`${root}::APIError\``,
          "`status`, `request_id`, `error`, `type`, `code`, `param`, `body`, `headers`, `rate_limit`, `idempotency_key`",
        ],
        [
          "its subclasses",
          "`BadRequestError` 400, `AuthenticationError` 401, `PermissionDeniedError` 403 (`missing_scope`), `NotFoundError` 404, `ConflictError` 409, `UnprocessableEntityError` 422, `RateLimitError` 429 (`retry_after`), `InternalServerError` 5xx",
        ],
        [
          `\`${root}::APIConnectionError\``,
          "no response (`idempotency_key`); `APITimeoutError`, `StreamTruncatedError` below it",
        ],
        [`\`${root}::PaginationCycleError\``, "a next cursor points back to a page already loaded"],
        [
          `\`${root}::InvalidWebhookSignatureError\``,
          "`code`: missing_header, malformed_header, no_signatures, signature_mismatch, timestamp_too_old, timestamp_in_future",
        ],
      ],
    ),
    "",
  ];
}

/** A Markdown table with aligned columns. */
function table(head: string[], rows: string[][]): string[] {
  const widths = head.map((cell, column) =>
    Math.max(cell.length, ...rows.map((row) => (row[column] ?? "").length)),
  );
  const line = (cells: string[]) =>
    `| ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(" | ")} |`;
  return [line(head), `| ${widths.map((width) => "-".repeat(width)).join(" | ")} |`, ...rows.map(line)];
}
