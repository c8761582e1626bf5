import type { GeneratedFile } from "@embott/codegen-core";
import { docLines } from "./docs";
import { type Expr, hashExpr, writeExpr } from "./expression";
import { withHeader } from "./header";
import { rubyLiteral, rubyString } from "./literals";
import { RubyWriter } from "./ruby-writer";
import type { RubyMethod, RubyParam, RubySdk, RubyService } from "./sdk-view";
import type { ModelIndex } from "./types";

/** One file per service (resource) under lib/<libDir>/services/. */
export function serviceFile(
  sdk: RubySdk,
  service: RubyService,
  index: ModelIndex,
  specFile: string,
): GeneratedFile {
  const out = new RubyWriter();
  out.block(`module ${sdk.moduleName}`, () => {
    out.block("module Services", () => {
      const docs = docLines(service.description, out.indentWidth);
      out.comment(docs.length > 0 ? docs : [`The ${service.reader} endpoints.`]);
      out.comment(["", `Reached as \`client.${service.reader}\`.`]);
      out.block(`class ${service.className} < ::${sdk.moduleName}::Resource`, () => {
        if (service.webhookHelpers) webhookHelpers(out, sdk);
        if (service.children.length > 0) children(out, service);
        service.methods.forEach((method) => {
          out.gap();
          renderMethod(out, sdk, method, index);
        });
        if (service.webhookHelpers) webhookEventType(out, sdk);
      });
    });
  });
  return {
    path: `lib/${sdk.libDir}/services/${service.file}.rb`,
    contents: withHeader(out.toString(), specFile),
  };
}

function webhookHelpers(out: RubyWriter, sdk: RubySdk): void {
  out.line(`include ::${sdk.moduleName}::WebhookHelpers`);
  const events = sdk.webhookEvents.filter((event) => event.modelId && index_has(sdk, event.modelId));
  out.line();
  out.comment(["Webhook event models by event type (what {#unwrap} returns)."]);
  out.line(`EVENT_TYPES = ::${sdk.moduleName}::Union.new(`);
  out.line('  "type",');
  out.line("  {");
  events.forEach((event, position) => {
    const model = sdk.models.find((candidate) => candidate.id === event.modelId);
    out.line(
      `    ${rubyString(event.type)} => :${model?.className}${position < events.length - 1 ? "," : ""}`,
    );
  });
  out.line("  },");
  out.line(`  namespace: ::${sdk.moduleName}::Models`);
  out.line(")");
}

function index_has(sdk: RubySdk, id: string): boolean {
  return sdk.models.some((model) => model.id === id && model.kind === "object");
}

function webhookEventType(out: RubyWriter, _sdk: RubySdk): void {
  out.gap();
  out.line("private");
  out.line();
  out.block("def event_type", () => out.line("EVENT_TYPES"));
}

function children(out: RubyWriter, service: RubyService): void {
  for (const child of service.children) {
    out.comment([
      `@return [Services::${child.className}] ${child.description ? firstLine(child.description) : `The ${child.reader} endpoints.`}`,
    ]);
    out.line(`attr_reader :${child.reader}`);
    out.line();
  }
  out.comment(["@api private", "@param client [BaseClient]"]);
  out.block("def initialize(client)", () => {
    out.line("super");
    for (const child of service.children) out.line(`@${child.reader} = ${child.className}.new(client)`);
  });
}

function firstLine(text: string): string {
  return text.trim().split("\n")[0] ?? "";
}

function signature(method: RubyMethod): string[] {
  const required = method.params.filter((param) => param.required).map((param) => `${param.keyword}:`);
  const optional = method.params.filter((param) => !param.required).map((param) => `${param.keyword}: nil`);
  if (method.wholeBody)
    (method.wholeBody.required ? required : optional).push(
      method.wholeBody.required ? `${method.wholeBody.keyword}:` : `${method.wholeBody.keyword}: nil`,
    );
  const parts = [...required, ...optional, "request_options: {}"];
  if (method.extraBodyFields) parts.push("**extra_fields");
  if (method.returns.kind === "stream") parts.push("&block");
  return parts;
}

function renderMethod(out: RubyWriter, sdk: RubySdk, method: RubyMethod, index: ModelIndex): void {
  methodDocs(out, sdk, method, index);
  const params = signature(method);
  const head = `def ${method.name}(${params.join(", ")})`;
  const body = () => callBody(out, method, index);
  if (head.length + out.indentWidth <= 120) {
    out.block(head, body);
    return;
  }
  writeExpr(out, { open: `def ${method.name}(`, items: params, close: ")" });
  out.indented(body);
  out.line("end");
}

function callBody(out: RubyWriter, method: RubyMethod, index: ModelIndex): void {
  const args: Expr[] = [`:${method.httpMethod}`, pathExpression(method)];
  const query = method.params.filter((param) => param.location === "query");
  if (query.length > 0) args.push(labelled("query: ", pairsOf(query)));
  const body = bodyExpression(method);
  if (body) args.push(labelled("body: ", body));
  const headers = method.params.filter((param) => param.location === "header");
  if (headers.length > 0) args.push(labelled("headers: ", pairsOf(headers)));
  const returns = method.returns;
  if (returns.kind === "page") {
    args.push(labelled("pagination: ", symbolHash(returns.pagination)));
    args.push(`item: ${(returns.item && index.coercion(returns.item)) ?? "nil"}`);
  } else if (returns.kind === "stream") {
    const stream: Record<string, string | number> = { parse: returns.stream.parse };
    if (returns.stream.discriminator) stream.discriminator = returns.stream.discriminator;
    if (returns.stream.final) stream.final = returns.stream.final;
    args.push(labelled("stream: ", symbolHash(stream)));
    args.push(`event: ${(returns.event && index.coercion(returns.event)) ?? "nil"}`);
  } else if (returns.kind === "model" && returns.type) {
    const coercion = index.coercion(returns.type);
    if (coercion) args.push(`model: ${coercion}`);
  }
  args.push("options: request_options");
  if (returns.kind === "stream") args.push("&block");
  const call = { model: "request", empty: "request", page: "request_page", stream: "request_stream" }[
    returns.kind
  ];
  writeExpr(out, { open: `@client.${call}(`, items: args, close: ")" });
  if (returns.kind === "empty") out.line("nil");
}

/** `label` glued to a group, so a broken group opens on the label's line. */
function labelled(label: string, expr: Expr): Expr {
  return typeof expr === "string" ? `${label}${expr}` : { ...expr, open: `${label}${expr.open}` };
}

function pairsOf(params: readonly RubyParam[]): Expr {
  return hashExpr(params.map((param) => [rubyString(param.wireName), param.keyword]));
}

function symbolHash(values: Record<string, string | number>): Expr {
  const items = Object.entries(values).map(
    ([key, value]) => `${key}: ${typeof value === "number" ? value : rubyString(value)}`,
  );
  return { open: "{", items, close: "}", pad: true };
}

function bodyExpression(method: RubyMethod): Expr | undefined {
  if (method.wholeBody) return `serialize(${method.wholeBody.keyword})`;
  const fields = method.params.filter((param) => param.location === "body");
  const fixed = Object.entries(method.fixedBody);
  if (fields.length === 0 && fixed.length === 0 && !method.extraBodyFields) return undefined;
  const items = [
    ...fields.map((param) => `${rubyString(param.wireName)} => ${param.keyword}`),
    ...fixed.map(([name, value]) => `${rubyString(name)} => ${rubyLiteral(value)}`),
  ];
  if (method.extraBodyFields) items.push("**extra_fields.transform_keys(&:to_s)");
  return { open: "fields(", items, close: ")" };
}

function pathExpression(method: RubyMethod): string {
  const byWire = new Map(
    method.params.filter((param) => param.location === "path").map((param) => [param.wireName, param]),
  );
  const parts = method.path.split(/(\{[^}]+\})/).filter((part) => part !== "");
  const pieces = parts.map((part) => {
    const wire = /^\{([^}]+)\}$/.exec(part)?.[1];
    const param = wire === undefined ? undefined : byWire.get(wire);
    if (!param) return rubyString(part).slice(1, -1);
    return `#{path_param(${rubyString(param.keyword)}, ${param.keyword})}`;
  });
  return `"${pieces.join("")}"`;
}

/** A YARD tag with its text wrapped, continuation lines indented two spaces. */
function tagLines(tag: string, text: string, width: number): string[] {
  const lines = docLines(text, width, tag);
  return [lines[0] ?? tag.trimEnd(), ...lines.slice(1).map((line) => (line === "" ? "" : `  ${line}`))];
}

function methodDocs(out: RubyWriter, sdk: RubySdk, method: RubyMethod, index: ModelIndex): void {
  const width = out.indentWidth;
  const lines: string[] = [];
  lines.push(...docLines(method.summary ?? `${method.httpMethod.toUpperCase()} ${method.path}`, width));
  const description = docLines(method.description, width);
  if (description.length > 0) lines.push("", ...description);
  if (method.scopes.length > 0)
    lines.push("", `Needs the ${method.scopes.map((scope) => `\`${scope}\``).join(" or ")} scope.`);
  if (method.deprecated) lines.push("@deprecated");
  lines.push("");
  const param = (name: string, type: string, text: string | undefined) => {
    const docs = docLines(text?.trim() || "(no description)", width, `@param ${name} [${type}] `);
    lines.push(docs[0] ?? "", ...docs.slice(1).map((line) => (line === "" ? "" : `  ${line}`)));
  };
  for (const entry of method.params) {
    const type = `${index.yardType(entry.type)}${entry.required && !entry.nullable ? "" : ", nil"}`;
    const values = index.enumOf(entry.type);
    const oneOf = values
      ? ` One of ${values.values.map((value) => JSON.stringify(value.value)).join(", ")}.`
      : "";
    param(entry.keyword, type, `${entry.description?.trim() ?? ""}${oneOf}`.trim());
  }
  if (method.wholeBody)
    param(method.wholeBody.keyword, index.yardType(method.wholeBody.type), method.wholeBody.description);
  param(
    "request_options",
    "Hash",
    "Per-call options: `max_retries`, `timeout`, `idempotency_key`, `extra_headers`, `extra_query`.",
  );
  if (method.extraBodyFields)
    param("extra_fields", "Hash", "More body fields, sent as given (the body accepts undeclared fields).");
  const returns = method.returns;
  const root = sdk.moduleName;
  switch (returns.kind) {
    case "page":
      lines.push(
        `@return [${root}::Page<${returns.item ? index.yardType(returns.item) : "Object"}>] the first page; \`auto_paging_each\` walks them all`,
      );
      break;
    case "stream":
      lines.push(
        `@yieldparam event [${returns.event ? index.yardType(returns.event) : "String"}] each event, as it arrives`,
      );
      lines.push(
        ...tagLines(
          `@return [${root}::Stream, ${returns.event ? index.yardType(returns.event) : "String"}, nil] `,
          `without a block, the stream (sent when iterated); with one, the final event${returns.stream.final ? ` ("${returns.stream.final}")` : ""}`,
          width,
        ),
      );
      break;
    case "empty":
      lines.push("@return [nil]");
      break;
    default: {
      const type = returns.type ? index.yardType(returns.type) : "Object";
      const doc = docLines(returns.description, width, `@return [${type}] `);
      lines.push(
        ...(doc.length > 0
          ? [doc[0] ?? "", ...doc.slice(1).map((line) => (line === "" ? "" : `  ${line}`))]
          : [`@return [${type}]`]),
      );
    }
  }
  lines.push(`@raise [${root}::APIError] when the API answers with an error status`);
  lines.push(`@raise [${root}::APIConnectionError] when no response arrives (after retries)`);
  out.comment(lines);
}
