import type { FieldEncoding, ObjectModel, Operation } from "../ir/types";
import type { PlanContext } from "./context";
import { PlanError } from "./errors";
import { WordScope } from "./names";
import type { ParamPlan, RequestBodyPlan, RequestPlan, Serialization } from "./types";

/** Methods whose body the SDK never sends (a spec declaring one there is wrong, and fetch rejects it). */
const BODILESS = new Set(["get", "head"]);

/** The flat params and request template of one operation. */
export function planRequest(
  context: PlanContext,
  operation: Operation,
): { params: ParamPlan[]; request: RequestPlan } {
  const scope = new WordScope();
  const idempotencyHeader = operation.idempotencyHeader?.toLowerCase();
  const streamFlag = streamFlagOf(context, operation);
  const placeholders = pathPlaceholders(operation.path);
  const params: ParamPlan[] = [];
  for (const parameter of operation.parameters) {
    if (
      idempotencyHeader !== undefined &&
      parameter.in === "header" &&
      parameter.name.toLowerCase() === idempotencyHeader
    )
      continue;
    // A placeholder declared under another location (real specs do this) is filled from that parameter.
    const location =
      parameter.in !== "path" &&
      placeholders.has(parameter.name) &&
      !hasPathParameter(operation, parameter.name)
        ? "path"
        : parameter.in;
    const param: ParamPlan = {
      name: scope.claimOrPrefixed(parameter.words, location),
      wireName: parameter.name,
      location,
      required: location === "path" || parameter.required,
      deprecated: parameter.deprecated,
      type: parameter.type,
      serialization: sharedSerialization(
        parameter.style,
        parameter.explode,
        parameter.allowReserved === true,
      ),
    };
    if (parameter.default !== undefined) param.default = parameter.default;
    if (parameter.description !== undefined) param.docs = parameter.description;
    params.push(param);
  }
  for (const placeholder of placeholders) {
    if (!hasPathParam(params, placeholder)) {
      throw new PlanError(`${operation.id}: path placeholder {${placeholder}} has no path parameter`);
    }
  }
  const model = flattenableBody(context, operation);
  const body = BODILESS.has(operation.httpMethod) ? undefined : planBody(operation, model, streamFlag);
  if (body) addBodyParams(params, operation, body, model, streamFlag?.field, scope);
  const filled: RequestPlan["filled"] = {};
  if (operation.idempotencyHeader) filled.idempotencyHeader = operation.idempotencyHeader;
  if (streamFlag && body) filled.streamFlag = streamFlag;
  const request: RequestPlan = { method: operation.httpMethod, path: operation.path, filled };
  if (body) request.body = body;
  return { params, request };
}

function hasPathParameter(operation: Operation, name: string): boolean {
  for (const other of operation.parameters) if (other.in === "path" && other.name === name) return true;
  return false;
}

function hasPathParam(params: readonly ParamPlan[], wireName: string): boolean {
  for (const param of params) if (param.location === "path" && param.wireName === wireName) return true;
  return false;
}

/**
 * Serialisations are few and immutable, so params share one object per combination (the plan stays plain
 * JSON; sharing only saves allocations on specs with thousands of parameters).
 */
const SERIALIZATIONS = new Map<string, (Serialization | undefined)[]>();

function sharedSerialization(style: string, explode: boolean, allowReserved: boolean): Serialization {
  // By style, then explode × allowReserved: no key string to build and hash per parameter.
  let byFlags = SERIALIZATIONS.get(style);
  if (!byFlags) {
    byFlags = [undefined, undefined, undefined, undefined];
    SERIALIZATIONS.set(style, byFlags);
  }
  const slot = (explode ? 2 : 0) + (allowReserved ? 1 : 0);
  let serialization = byFlags[slot];
  if (!serialization) {
    serialization = Object.freeze({ style: style as Serialization["style"], explode, allowReserved });
    byFlags[slot] = serialization;
  }
  return serialization;
}

function planBody(
  operation: Operation,
  model: ObjectModel | undefined,
  streamFlag: { field: string } | undefined,
): RequestBodyPlan | undefined {
  const body = operation.body;
  if (!body) return undefined;
  const extra = model?.additionalProperties;
  const hasFields = model?.properties.some((property) => property.name !== streamFlag?.field) === true;
  const plan: RequestBodyPlan = {
    mediaType: body.mediaType,
    encoding: body.encoding,
    mode: model && (hasFields || extra) ? "fields" : "whole",
    required: body.required,
    type: body.type,
  };
  if (model && extra) plan.extraFields = extra;
  return plan;
}

const NO_ENCODINGS: Readonly<Record<string, FieldEncoding>> = Object.freeze({});
const NO_ENCODING: FieldEncoding = Object.freeze({});

/** The whole body as one param, or one param per writable field of the body's object model. */
function addBodyParams(
  params: ParamPlan[],
  operation: Operation,
  body: RequestBodyPlan,
  model: ObjectModel | undefined,
  flagField: string | undefined,
  scope: WordScope,
): void {
  if (body.mode === "whole") {
    // Keys in the plan's order: name, wireName, location, wholeBody, required, docs?, deprecated, type.
    const param = {
      name: scope.claimOrPrefixed(["body"], "request"),
      wireName: "body",
      location: "body",
      wholeBody: true,
      required: body.required,
    } as ParamPlan;
    if (operation.body?.description) param.docs = operation.body.description;
    param.deprecated = false;
    param.type = body.type;
    params.push(param);
    return;
  }
  const encodings = operation.body?.fieldEncodings ?? NO_ENCODINGS;
  const serialized = body.encoding === "form" || body.encoding === "multipart";
  for (const property of model!.properties) {
    if (property.readOnly || property.name === flagField) continue;
    // Keys in the plan's order: name, wireName, location, required, default?, docs?, deprecated, type, serialization?
    const param = {
      name: scope.claimOrPrefixed(property.words, "body"),
      wireName: property.name,
      location: "body",
      required: body.required && property.required,
    } as ParamPlan;
    if (property.default !== undefined) param.default = property.default;
    if (property.description) param.docs = property.description;
    param.deprecated = property.deprecated;
    param.type = property.type;
    if (serialized) param.serialization = fieldSerialization(encodings[property.name] ?? NO_ENCODING);
    params.push(param);
  }
}

/** A form/multipart field's serialisation: `form`, exploded, unless its `encoding` entry says otherwise. */
function fieldSerialization(encoding: FieldEncoding): Serialization {
  const style = encoding.style ?? "form";
  const explode = encoding.explode ?? style === "form";
  const allowReserved = encoding.allowReserved ?? false;
  if (!encoding.contentType) return sharedSerialization(style, explode, allowReserved);
  return {
    style: style as Serialization["style"],
    explode,
    allowReserved,
    contentType: encoding.contentType,
  };
}

/** The body's object model when its properties can become flat params (a JSON, form or multipart object). */
function flattenableBody(context: PlanContext, operation: Operation): ObjectModel | undefined {
  const body = operation.body;
  if (body?.type.kind !== "ref" || body.type.nullable) return undefined;
  if (body.encoding !== "json" && body.encoding !== "form" && body.encoding !== "multipart") return undefined;
  const model = context.model(body.type.id);
  return model?.kind === "object" ? model : undefined;
}

/**
 * The body field that selects streaming and the value this method sends: the twin sends the IR's `flagValue`
 * (true for a boolean flag, or a documented enum value such as "sse"); the plain method sends false for a
 * boolean flag and nothing for an enum one (the field stays an ordinary parameter).
 */
function streamFlagOf(
  context: PlanContext,
  operation: Operation,
): { field: string; value: boolean | string } | undefined {
  if (operation.streaming?.flag)
    return { field: operation.streaming.flag, value: operation.streaming.flagValue ?? true };
  const twin = operation.streamTwin ? context.operation(operation.streamTwin) : undefined;
  const twinValue = twin?.streaming?.flagValue ?? true;
  return twin?.streaming?.flag && typeof twinValue === "boolean"
    ? { field: twin.streaming.flag, value: false }
    : undefined;
}

const NO_PLACEHOLDERS: ReadonlySet<string> = new Set();

function pathPlaceholders(path: string): ReadonlySet<string> {
  let open = path.indexOf("{");
  if (open < 0) return NO_PLACEHOLDERS;
  const names = new Set<string>();
  while (open >= 0) {
    const close = path.indexOf("}", open);
    if (close < 0) break;
    names.add(path.slice(open + 1, close));
    open = path.indexOf("{", close);
  }
  return names;
}
