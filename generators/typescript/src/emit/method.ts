import type { IR, Operation, Resource, TypeRef } from "@embott/codegen-core";
import { type CodeWriter, quote } from "../printer";
import type { EmitNames } from "./names";
import { pageItemType, paginationLiteral } from "./pagination";
import { type ParamsPlan, planParams, streamTwinOf } from "./params";
import { PARAMS, requestSpecLiteral, type StreamFlag } from "./request-spec";
import type { TypesModule } from "./types-module";

/** Everything needed to print one SDK method and list it in api.md. */
export interface MethodPlan {
  operation: Operation;
  name: string;
  params: ParamsPlan;
  /** Name of the params interface; absent when the method takes no params. */
  paramsType?: string;
  /** `APIPromise<…>`, `PagePromise<…>` or the stream promise type. */
  returnType: string;
  /** The runtime call: `this.client.request<…>(…)` and friends, without the trailing options argument. */
  call: string;
}

export interface MethodContext {
  ir: IR;
  names: EmitNames;
  types: TypesModule;
}

/** Decides a method's kind (plain, paginated, streaming) and builds its plan. */
export function planMethod(
  context: MethodContext,
  resource: Resource,
  operation: Operation,
  inheritedMembers: ReadonlySet<string>,
): MethodPlan {
  const params = planParams(context.ir, operation, context.names, context.types);
  const base = {
    operation,
    name: context.names.method(operation, inheritedMembers),
    params,
    paramsType: params.fields.length > 0 ? context.names.paramsType(resource, operation) : undefined,
  };
  if (operation.streaming) return { ...base, ...streamCall(context, operation, params) };
  const spec = requestSpecLiteral(operation, params, plainStreamFlag(context.ir, operation));
  if (operation.pagination) {
    const item = pageItemType(context.ir, operation, context.types);
    const pager = paginationLiteral(operation.pagination);
    return {
      ...base,
      returnType: `PagePromise<${item}>`,
      call: `this.client.requestPage<${item}>(${spec}, ${pager}`,
    };
  }
  const result = resultType(operation, context.types);
  return { ...base, returnType: `APIPromise<${result}>`, call: `this.client.request<${result}>(${spec}` };
}

/** Prints the method with its JSDoc. */
export function writeMethod(writer: CodeWriter, plan: MethodPlan): void {
  writer.doc(methodDocs(plan.operation), methodTags(plan.operation));
  writer.block(`${plan.name}(${signature(plan)}): ${plan.returnType}`, () => {
    writer.line(`return ${plan.call}, options);`);
  });
}

function signature(plan: MethodPlan): string {
  const options = "options?: RequestOptions";
  if (!plan.paramsType) return options;
  const params = plan.params.required
    ? `${PARAMS}: ${plan.paramsType}`
    : `${PARAMS}: ${plan.paramsType} = {}`;
  return `${params}, ${options}`;
}

function streamCall(context: MethodContext, operation: Operation, params: ParamsPlan) {
  const streaming = operation.streaming!;
  const flag = streaming.flag ? { field: streaming.flag, value: true } : undefined;
  const text = isTextEvents(context.ir, streaming.events);
  const event = text ? "string" : context.types.typeRef(streaming.events);
  const options: [string, string][] = text ? [["parse", quote("text")]] : [];
  if (streaming.discriminator) options.push(["discriminator", quote(streaming.discriminator)]);
  if (streaming.final) options.push(["final", quote(streaming.final)]);
  const streamOptions = `{ ${options.map(([key, value]) => `${key}: ${value}`).join(", ")} }`;
  return {
    returnType: `APIPromise<Stream<${event}>>`,
    call: `this.client.requestStream<${event}>(${requestSpecLiteral(operation, params, flag)}, ${streamOptions}`,
  };
}

/** Events without a schema, or whose schema is a string (directly or through aliases), are not JSON. */
function isTextEvents(ir: IR, events: TypeRef | undefined): boolean {
  if (!events) return true;
  if (events.kind === "primitive") return events.type === "string";
  if (events.kind !== "ref") return false;
  const model = ir.models.find((candidate) => candidate.id === events.id);
  return model?.kind === "alias" && isTextEvents(ir, model.type);
}

/** A plain method whose spec operation can also stream sends the flag as false. */
function plainStreamFlag(ir: IR, operation: Operation): StreamFlag | undefined {
  const field = streamTwinOf(ir, operation)?.streaming?.flag;
  return field ? { field, value: false } : undefined;
}

function resultType(operation: Operation, types: TypesModule): string {
  switch (operation.response.kind) {
    case "empty":
      return "void";
    case "binary":
      return "ArrayBuffer";
    case "text":
      return "string";
    default:
      return types.responseType(operation) ?? "unknown";
  }
}

/** Summary and description; a stream twin gets its own summary and a note on iterating the stream. */
function methodDocs(operation: Operation): string | undefined {
  const streamingNote = "Answers with server-sent events: iterate the returned stream for each typed event.";
  const summary = operation.docs.summary?.trim().replace(/\.$/, "");
  const parts = operation.streaming?.twinOf
    ? [summary && `${summary} (streamed as server-sent events).`, streamingNote]
    : [operation.docs.summary, operation.docs.description];
  const text = parts.map((part) => part?.trim()).filter(Boolean);
  return text.length > 0 ? text.join("\n\n") : undefined;
}

function methodTags(operation: Operation): string[] {
  const tags = [`\`${operation.httpMethod.toUpperCase()} ${operation.path}\``];
  if (operation.scopes.length > 0)
    tags.push(`Requires scope: ${operation.scopes.map((s) => `\`${s}\``).join(", ")}.`);
  if (operation.docs.externalUrl) tags.push(`@see ${operation.docs.externalUrl}`);
  if (operation.deprecated) tags.push("@deprecated");
  return tags;
}
