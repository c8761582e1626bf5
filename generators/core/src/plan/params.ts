import type { ObjectModel, Operation } from "../ir/types";
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
    if (parameter.in === "header" && parameter.name.toLowerCase() === idempotencyHeader) continue;
    // A placeholder declared under another location (real specs do this) is filled from that parameter.
    const location =
      parameter.in !== "path" &&
      placeholders.has(parameter.name) &&
      !hasPathParameter(operation, parameter.name)
        ? "path"
        : parameter.in;
    const details = context.details.parameter(operation, parameter.in, parameter.name);
    const param: ParamPlan = {
      name: scope.claimOrPrefixed(parameter.words, location),
      wireName: parameter.name,
      location,
      required: location === "path" || parameter.required,
      deprecated: parameter.deprecated,
      type: parameter.type,
      serialization: sharedSerialization(parameter.style, parameter.explode, details.allowReserved),
    };
    if (details.default !== undefined) param.default = details.default;
    if (parameter.description !== undefined) param.docs = parameter.description;
    params.push(param);
  }
  for (const placeholder of placeholders) {
    if (!hasPathParam(params, placeholder)) {
      throw new PlanError(`${operation.id}: path placeholder {${placeholder}} has no path parameter`);
    }
  }
  const body = BODILESS.has(operation.httpMethod) ? undefined : planBody(context, operation, streamFlag);
  if (body) params.push(...bodyParams(context, operation, body, streamFlag?.field, scope));
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
const SERIALIZATIONS = new Map<string, Serialization>();

function sharedSerialization(style: string, explode: boolean, allowReserved: boolean): Serialization {
  const key = `${style}|${explode}|${allowReserved}`;
  let serialization = SERIALIZATIONS.get(key);
  if (!serialization) {
    serialization = Object.freeze({ style: style as Serialization["style"], explode, allowReserved });
    SERIALIZATIONS.set(key, serialization);
  }
  return serialization;
}

function planBody(
  context: PlanContext,
  operation: Operation,
  streamFlag: { field: string } | undefined,
): RequestBodyPlan | undefined {
  const body = operation.body;
  if (!body) return undefined;
  const model = flattenableBody(context, operation);
  const extra = model?.additionalProperties;
  const fields = model?.properties.filter((property) => property.name !== streamFlag?.field) ?? [];
  return {
    mediaType: body.mediaType,
    encoding: body.encoding,
    mode: model && (fields.length > 0 || extra) ? "fields" : "whole",
    required: body.required,
    type: body.type,
    ...(model && extra ? { extraFields: extra } : {}),
  };
}

function bodyParams(
  context: PlanContext,
  operation: Operation,
  body: RequestBodyPlan,
  flagField: string | undefined,
  scope: WordScope,
): ParamPlan[] {
  if (body.mode === "whole") {
    return [
      {
        name: scope.claimOrPrefixed(["body"], "request"),
        wireName: "body",
        location: "body",
        wholeBody: true,
        required: body.required,
        ...(operation.body?.description ? { docs: operation.body.description } : {}),
        deprecated: false,
        type: body.type,
      },
    ];
  }
  const model = flattenableBody(context, operation)!;
  const encodings = context.details.bodyEncoding(operation);
  const serialized = body.encoding === "form" || body.encoding === "multipart";
  return model.properties
    .filter((property) => !property.readOnly && property.name !== flagField)
    .map((property) => {
      const encoding = encodings[property.name] ?? {};
      const serialization: Serialization = {
        style: (encoding.style ?? "form") as Serialization["style"],
        explode: encoding.explode ?? (encoding.style ?? "form") === "form",
        allowReserved: encoding.allowReserved ?? false,
        ...(encoding.contentType ? { contentType: encoding.contentType } : {}),
      };
      return {
        name: scope.claimOrPrefixed(property.words, "body"),
        wireName: property.name,
        location: "body" as const,
        required: body.required && property.required,
        ...(property.default !== undefined ? { default: property.default } : {}),
        ...(property.description ? { docs: property.description } : {}),
        deprecated: property.deprecated,
        type: property.type,
        ...(serialized ? { serialization } : {}),
      };
    });
}

/** The body's object model when its properties can become flat params (a JSON, form or multipart object). */
function flattenableBody(context: PlanContext, operation: Operation): ObjectModel | undefined {
  const body = operation.body;
  if (body?.type.kind !== "ref" || body.type.nullable) return undefined;
  if (body.encoding !== "json" && body.encoding !== "form" && body.encoding !== "multipart") return undefined;
  const model = context.model(body.type.id);
  return model?.kind === "object" ? model : undefined;
}

/** The body field that selects streaming and the value this method sends (twin: true, plain: false). */
function streamFlagOf(
  context: PlanContext,
  operation: Operation,
): { field: string; value: boolean } | undefined {
  if (operation.streaming?.flag) return { field: operation.streaming.flag, value: true };
  const twin = operation.streamTwin ? context.operation(operation.streamTwin) : undefined;
  return twin?.streaming?.flag ? { field: twin.streaming.flag, value: false } : undefined;
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
