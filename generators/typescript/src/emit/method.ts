import type { MethodPlan, ParamPlan, ResourcePlan, SdkPlan } from "@embott/codegen-core";
import { type CodeWriter, objectLiteral, propertyKey, quote, valueLiteral } from "../printer";
import { clientAuth, rootAlternatives } from "./auth";
import type { TsNames } from "./names";
import type { TypePrinter, TypeUsage } from "./type-printer";

/** The variable holding the user's params object inside every generated method. */
export const PARAMS = "params";

/** What one printed method needs from the runtime. */
export interface MethodImports {
  promise: "APIPromise" | "PagePromise";
  stream: boolean;
}

export interface MethodContext {
  plan: SdkPlan;
  names: TsNames;
  types: TypePrinter;
  usage: TypeUsage;
  /** `client.bots` for the resource being printed: how users reach the method (for messages). */
  accessor: string;
}

/** Prints one method with its JSDoc; returns what it imports. */
export function writeMethod(
  writer: CodeWriter,
  context: MethodContext,
  resource: ResourcePlan,
  method: MethodPlan,
): MethodImports {
  const name = context.names.method(resource, method);
  const template = requestTemplate(context, method, `${context.accessor}.${name}`);
  const call = runtimeCall(context, method, template);
  writer.doc(methodDocs(method), methodTags(method));
  writer.block(`${name}(${signature(context, method)}): ${call.returnType}`, () => {
    writer.line(`return ${call.expression};`);
  });
  return { promise: method.kind === "page" ? "PagePromise" : "APIPromise", stream: method.kind === "stream" };
}

/** The TypeScript return type of a method (also listed in api.md). */
export function returnType(context: Pick<MethodContext, "types" | "usage">, method: MethodPlan): string {
  if (method.kind === "page")
    return `PagePromise<${context.types.print(method.pagination!.item, context.usage)}>`;
  if (method.kind === "stream") return `APIPromise<Stream<${streamTypeArguments(context, method)}>>`;
  return `APIPromise<${resultType(context, method)}>`;
}

function runtimeCall(context: MethodContext, method: MethodPlan, template: string) {
  const request = `buildRequest(${method.params.length > 0 ? PARAMS : "undefined"}, ${template})`;
  const type = returnType(context, method);
  if (method.kind === "page") {
    const item = context.types.print(method.pagination!.item, context.usage);
    const pager = valueLiteral(method.pagination!.descriptor);
    return {
      returnType: type,
      expression: `this.client.requestPage<${item}>(${request}, ${pager}, options)`,
    };
  }
  if (method.kind === "stream") {
    const stream = method.stream!;
    const options = objectLiteral(
      [
        ["parse", stream.parse === "text" ? quote("text") : undefined],
        ["discriminator", stream.discriminator && quote(stream.discriminator)],
        ["final", stream.final && quote(stream.final)],
      ].filter((entry): entry is [string, string] => entry[1] !== undefined),
    );
    // The runtime cannot tell which event is final; the plan can, so `finalMessage()` is typed with it.
    const call = `this.client.requestStream<${streamTypeArguments(context, method)}>(${request}, ${options}, options)`;
    return { returnType: type, expression: call };
  }
  const result = resultType(context, method);
  return { returnType: type, expression: `this.client.request<${result}>(${request}, options)` };
}

function streamEvent(context: Pick<MethodContext, "types" | "usage">, method: MethodPlan): string {
  return context.types.print(method.stream!.event, context.usage);
}

/** `Event` or `Event, FinalEvent` (what `stream.finalMessage()` resolves to). */
function streamTypeArguments(context: Pick<MethodContext, "types" | "usage">, method: MethodPlan): string {
  const final = method.stream!.finalEvent;
  const event = streamEvent(context, method);
  return final ? `${event}, ${context.types.print(final, context.usage)}` : event;
}

function resultType(context: Pick<MethodContext, "types" | "usage">, method: MethodPlan): string {
  switch (method.response.kind) {
    case "empty":
      return "void";
    case "binary":
      return "ArrayBuffer";
    case "text":
      return "string";
    default:
      return context.types.print(method.response.type, context.usage);
  }
}

function signature(context: MethodContext, method: MethodPlan): string {
  const options = "options?: RequestOptions";
  const paramsType = context.names.paramsType(method);
  if (!paramsType) return options;
  const required = method.params.some((param) => param.required);
  return `${PARAMS}: ${paramsType}${required ? "" : " = {}"}, ${options}`;
}

/** The `RequestTemplate` literal `buildRequest` turns the flat params into a request with. */
function requestTemplate(context: MethodContext, method: MethodPlan, call: string): string {
  const { request } = method;
  const params = method.params.map((param) => [context.names.key(param.name), paramTemplate(param)] as const);
  const body = request.body;
  const wholeBody = method.params.find((param) => param.wholeBody);
  const entries: [string, string][] = [
    ["call", quote(call)],
    ["method", quote(request.method)],
    ["path", quote(request.path)],
    ["params", objectLiteral(params)],
  ];
  if (body) {
    const bodyEntries: [string, string][] = [
      ["encoding", quote(body.encoding)],
      ["mediaType", quote(body.mediaType)],
    ];
    if (wholeBody) bodyEntries.push(["whole", quote(context.names.key(wholeBody.name))]);
    if (body.extraFields) bodyEntries.push(["extra", "true"]);
    entries.push(["body", objectLiteral(bodyEntries)]);
  }
  const flag = request.filled.streamFlag;
  if (flag)
    entries.push([
      "streamFlag",
      objectLiteral([
        ["name", quote(flag.field)],
        ["value", typeof flag.value === "string" ? quote(flag.value) : String(flag.value)],
      ]),
    ]);
  if (method.response.kind === "binary") entries.push(["binaryResponse", "true"]);
  const auth = clientAuth(context.plan, context.names);
  const security = auth.alternatives(method.security);
  if (JSON.stringify(security) !== JSON.stringify(rootAlternatives(auth)))
    entries.push(["security", valueLiteral(security)]);
  return objectLiteral(entries);
}

/** `{ in: "query", name: "ids", style: "pipeDelimited", explode: false }`; OpenAPI defaults left out. */
function paramTemplate(param: ParamPlan): string {
  const entries: [string, string][] = [
    ["in", quote(param.location)],
    ["name", quote(param.wireName)],
  ];
  if (param.required) entries.push(["required", "true"]);
  if (param.type.kind === "primitive" && param.type.format === "date")
    entries.push(["format", quote("date")]);
  const serialization = param.serialization;
  if (serialization) {
    const defaultStyle = param.location === "path" || param.location === "header" ? "simple" : "form";
    if (serialization.style !== defaultStyle) entries.push(["style", quote(serialization.style)]);
    if (serialization.explode !== (serialization.style === "form")) {
      entries.push(["explode", String(serialization.explode)]);
    }
    if (serialization.allowReserved) entries.push(["allowReserved", "true"]);
    if (serialization.contentType) entries.push(["contentType", quote(serialization.contentType)]);
  }
  return objectLiteral(entries);
}

/** `export interface <Name> { … }` for a method's flat params. */
export function writeParamsInterface(
  writer: CodeWriter,
  context: Pick<MethodContext, "names" | "types" | "usage">,
  typeName: string,
  method: MethodPlan,
  docs: string,
): void {
  writer.doc(docs);
  writer.block(`export interface ${typeName}`, () => {
    for (const param of method.params) {
      const tags = param.deprecated ? ["@deprecated"] : [];
      const defaultNote =
        param.default !== undefined ? `Default: \`${JSON.stringify(param.default)}\`.` : undefined;
      writer.doc([param.docs, defaultNote].filter(Boolean).join("\n\n") || undefined, tags);
      const type = context.types.print(param.type, context.usage, "input");
      writer.line(`${propertyKey(context.names.key(param.name))}${param.required ? "" : "?"}: ${type};`);
    }
    if (method.request.body?.extraFields) {
      writer.doc(
        "Further body fields; the API accepts keys beyond the ones above and they are sent as given.",
      );
      writer.line("[key: string]: unknown;");
    }
  });
}

/** Summary and description; a stream twin gets its own summary and a note on iterating the stream. */
function methodDocs(method: MethodPlan): string | undefined {
  const streamingNote = "Answers with server-sent events: iterate the returned stream for each typed event.";
  const summary = method.docs.summary?.trim().replace(/\.$/, "");
  const parts = method.twinOf
    ? [summary && `${summary} (streamed as server-sent events).`, streamingNote]
    : [method.docs.summary, method.docs.description];
  const text = parts.map((part) => part?.trim()).filter(Boolean);
  return text.length > 0 ? text.join("\n\n") : undefined;
}

function methodTags(method: MethodPlan): string[] {
  const tags = [`\`${method.request.method.toUpperCase()} ${method.request.path}\``];
  if (method.scopes.length > 0)
    tags.push(`Requires scope: ${method.scopes.map((scope) => `\`${scope}\``).join(", ")}.`);
  if (method.docs.externalUrl) tags.push(`@see ${method.docs.externalUrl}`);
  if (method.deprecated) tags.push("@deprecated");
  return tags;
}
