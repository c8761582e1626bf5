import type { GeneratedFile } from "@embott/codegen-core";
import { alternativesLiteral } from "./credentials";
import { docLines, tagLines } from "./docs";
import { type Expr, hashExpr, inline, writeExpr } from "./expression";
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
  const required = method.params
    .filter((param) => param.required && param.fixed === undefined)
    .map((param) => `${param.keyword}:`);
  const defaults = method.params
    .filter((param) => !param.required || param.fixed !== undefined)
    .map((param) => `${param.keyword}: ${param.fixed !== undefined ? rubyLiteral(param.fixed) : "OMIT"}`);
  const parts = [...required, ...defaults, "request_options: {}"];
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
  let path = pathPieces(method, false);
  const inlinePath = `"${path.join("")}"`;
  let pathArg = inlinePath;
  if (out.indentWidth + 2 + inlinePath.length + 1 > 120 && path.length > 0) {
    // A long path: each parameter escaped into itself first, then the path as a local, one segment per line.
    for (const param of method.params.filter((candidate) => candidate.location === "path"))
      writeExpr(out, {
        open: `${param.keyword} = path_param(`,
        items: [rubyString(param.keyword), param.keyword],
        close: ")",
      });
    path = pathPieces(method, true);
    const lead = "url_path = ";
    if (out.indentWidth + lead.length + path.join("").length + 2 <= 120) path = [path.join("")];
    path.forEach((piece, position) => {
      const last = position === path.length - 1;
      out.line(`${position === 0 ? lead : " ".repeat(lead.length)}"${piece}"${last ? "" : " \\"}`);
    });
    pathArg = "url_path";
  }
  const args: Expr[] = [`:${method.httpMethod}`, pathArg];
  const at = (location: RubyParam["location"]) =>
    method.params.filter((param) => param.location === location);
  const query = at("query");
  if (query.length > 0) args.push(labelled("query: ", pairsOf(query)));
  const styled = query.filter((param) => param.style);
  if (styled.length > 0) args.push(labelled("query_styles: ", stylesOf(styled)));
  if (at("header").length > 0) args.push(labelled("headers: ", pairsOf(at("header"))));
  if (at("cookie").length > 0) args.push(labelled("cookies: ", pairsOf(at("cookie"))));
  const body = bodyExpression(method);
  if (body) args.push(labelled("body: ", body));
  const encoding = encodingExpression(method);
  if (encoding) args.push(labelled("encoding: ", encoding));
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
  if (method.security) args.push(`security: ${alternativesLiteral(method.security)}`);
  args.push("options: request_options");
  if (returns.kind === "stream") args.push("&block");
  const call =
    returns.kind === "page" ? "request_page" : returns.kind === "stream" ? "request_stream" : "request";
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
  if (!method.body) return undefined;
  const fields = method.params.filter((param) => param.location === "body");
  if (method.body.whole) return fields[0]?.keyword;
  const items = [
    ...fields.map((param) => `${rubyString(param.wireName)} => ${param.keyword}`),
    ...Object.entries(method.fixedBody).map(
      ([name, value]) => `${rubyString(name)} => ${rubyLiteral(value)}`,
    ),
  ];
  if (method.extraBodyFields) items.push("**extra_fields.transform_keys(&:to_s)");
  return { open: "{", items, close: "}", pad: true };
}

/** How the runtime encodes the body: nothing for JSON sent as `application/json`. */
function encodingExpression(method: RubyMethod): Expr | undefined {
  const body = method.body;
  if (!body || (body.encoding === "json" && body.mediaType === "application/json")) return undefined;
  const items = [`type: :${body.encoding}`, `media_type: ${rubyString(body.mediaType)}`];
  const fields = method.params.filter((param) => param.location === "body");
  const styled = fields.filter((param) => param.style && body.encoding === "form");
  if (styled.length > 0) items.push(labelled("styles: ", stylesOf(styled)) as string);
  const parts = fields.filter(
    (param) => body.encoding === "multipart" && (param.file || param.style?.contentType),
  );
  if (parts.length > 0) {
    const entries = parts.map((param) => {
      const meta = [
        param.file ? "file: true" : undefined,
        param.style?.contentType ? `content_type: ${rubyString(param.style.contentType)}` : undefined,
      ];
      return `${rubyString(param.wireName)} => { ${meta.filter(Boolean).join(", ")} }`;
    });
    items.push(`parts: { ${entries.join(", ")} }`);
  }
  return {
    open: "{",
    items: items.map((item) => (typeof item === "string" ? item : inline(item))),
    close: "}",
    pad: true,
  };
}

/** `{ "name" => { style: "pipeDelimited", explode: false } }` for params with a non-default serialisation. */
function stylesOf(params: readonly RubyParam[]): Expr {
  const entries = params.map((param) => {
    const style = param.style;
    const meta = [
      `style: ${rubyString(style?.style ?? "form")}`,
      `explode: ${style?.explode ?? true}`,
      style?.allowReserved ? "allow_reserved: true" : undefined,
    ].filter(Boolean);
    return `${rubyString(param.wireName)} => { ${meta.join(", ")} }`;
  });
  return { open: "{", items: entries, close: "}", pad: true };
}

/** The path's Ruby string content in pieces, each a literal up to and including one escaped placeholder. */
function pathPieces(method: RubyMethod, escaped: boolean): string[] {
  const byWire = new Map(
    method.params.filter((param) => param.location === "path").map((param) => [param.wireName, param]),
  );
  const pieces: string[] = [];
  let current = "";
  for (const part of method.path.split(/(\{[^}]+\})/).filter((text) => text !== "")) {
    const wire = /^\{([^}]+)\}$/.exec(part)?.[1];
    const param = wire === undefined ? undefined : byWire.get(wire);
    if (!param) {
      current += rubyString(part).slice(1, -1);
      continue;
    }
    pieces.push(
      `${current}#{${escaped ? param.keyword : `path_param(${rubyString(param.keyword)}, ${param.keyword})`}}`,
    );
    current = "";
  }
  if (current) pieces.push(current);
  return pieces;
}

function methodDocs(out: RubyWriter, sdk: RubySdk, method: RubyMethod, index: ModelIndex): void {
  const width = out.indentWidth;
  const lines: string[] = [];
  const summary = method.summary ?? `${method.httpMethod.toUpperCase()} ${method.path}`;
  const streamed = method.returns.kind === "stream" ? ", streamed as server-sent events" : "";
  lines.push(...docLines(`${summary}${streamed}`, width));
  const description = docLines(method.description, width);
  if (description.length > 0) lines.push("", ...description);
  if (method.scopes.length > 0)
    lines.push(
      "",
      ...docLines(`Needs the ${method.scopes.map((scope) => `\`${scope}\``).join(" or ")} scope.`, width),
    );
  if (method.deprecated) lines.push("@deprecated");
  lines.push("");
  const param = (name: string, type: string, text: string | undefined) => {
    lines.push(...tagLines(`@param ${name} [${type}] `, text?.trim() ?? "", width));
  };
  for (const entry of method.params) {
    const yard = entry.file ? `String, IO, ${sdk.moduleName}::FilePart` : index.yardType(entry.type);
    const type = `${yard}${entry.required && !entry.nullable ? "" : ", nil"}`;
    const values = index.enumOf(entry.type);
    const oneOf = values
      ? ` One of ${values.values.map((value) => JSON.stringify(value.value)).join(", ")}.`
      : "";
    param(entry.keyword, type, `${entry.description?.trim() ?? ""}${oneOf}`.trim());
  }
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
        ...tagLines(
          `@return [${root}::Page<${returns.item ? index.yardType(returns.item) : "Object"}>] `,
          "the first page; `auto_paging_each` walks them all",
          width,
        ),
      );
      break;
    case "stream":
      lines.push(
        `@yieldparam event [${returns.event ? index.yardType(returns.event) : "String"}] each event, as it arrives`,
      );
      lines.push(
        ...tagLines(
          `@return [${root}::Stream, ${returns.event ? index.yardType(returns.event) : "String"}, nil] `,
          `without a block, the stream (sent now, events read as iterated); with one, the final event${returns.stream.final ? ` ("${returns.stream.final}")` : ""}`,
          width,
        ),
      );
      break;
    case "empty":
      lines.push("@return [nil]");
      break;
    case "text":
    case "binary":
      lines.push(
        ...tagLines(
          `@return [String] `,
          returns.description ?? (returns.kind === "text" ? "the response text" : "the response bytes"),
          width,
        ),
      );
      break;
    default: {
      const type = returns.kind === "model" && returns.type ? index.yardType(returns.type) : "Object";
      lines.push(...tagLines(`@return [${type}] `, returns.description ?? "", width));
    }
  }
  lines.push(`@raise [${root}::APIError] when the API answers with an error status`);
  lines.push(`@raise [${root}::APIConnectionError] when no response arrives (after retries)`);
  out.comment(lines);
}
