import { PAGINATION_FIELDS } from "../ir/pagination/fields";
import type { Operation, TypeRef } from "../ir/types";
import type { PlanContext } from "./context";
import { setDefined } from "./optional";
import { planRequest } from "./params";
import type { MethodPlan, PaginationPlan, StreamPlan } from "./types";

const UNKNOWN: TypeRef = { kind: "unknown" };
const STRING: TypeRef = { kind: "primitive", type: "string" };

/** One SDK method from one IR operation (params type names are claimed later, with every other name). */
export function planMethod(context: PlanContext, operation: Operation): MethodPlan {
  const { params, request } = planRequest(context, operation);
  const kind = operation.streaming ? "stream" : operation.pagination ? "page" : "plain";
  const response = operation.response;
  const method: MethodPlan = {
    id: operation.id,
    name: operation.name.words,
    kind,
    docs: operation.docs,
    deprecated: operation.deprecated,
    scopes: operation.scopes,
    security:
      operation.security.length === 0 && context.impliedSecurity
        ? context.impliedSecurity
        : operation.security,
    idempotent: operation.idempotent,
    params,
    request,
    response: { status: response.status, kind: response.kind, headers: response.headers },
    errors: operation.errors,
  };
  setDefined(method, "operationId", operation.operationId);
  setDefined(method, "streamTwin", operation.streamTwin);
  setDefined(method, "twinOf", operation.streaming?.twinOf);
  setDefined(method.response, "mediaType", response.mediaType);
  setDefined(method.response, "type", response.kind === "json" ? response.type : undefined);
  setDefined(method.response, "description", response.description);
  if (kind === "page") method.pagination = planPagination(context, operation);
  if (kind === "stream") method.stream = planStream(context, operation);
  return method;
}

function planPagination(context: PlanContext, operation: Operation): PaginationPlan {
  const pagination = operation.pagination!;
  const descriptor: Record<string, unknown> = {};
  for (const field of PAGINATION_FIELDS) {
    const value = pagination[field];
    if (value !== undefined) descriptor[field] = value;
  }
  return {
    descriptor: descriptor as PaginationPlan["descriptor"],
    origin: pagination.origin,
    item: pageItem(context, operation),
  };
}

/** The element type of the response's `items` field (or of a bare array response). */
function pageItem(context: PlanContext, operation: Operation): TypeRef {
  let type: TypeRef | undefined = operation.response.type;
  for (const segment of operation.pagination?.items?.split(".") ?? []) {
    type = type ? fieldType(context, type, segment) : undefined;
  }
  type = type && unalias(context, type);
  if (type?.kind !== "array") return UNKNOWN;
  return type.items;
}

/** The aliased type of a ref to an alias model (`Pets` = `Array<Pet>`), else the type itself. */
function unalias(context: PlanContext, type: TypeRef): TypeRef {
  for (let depth = 0; depth < 16 && type.kind === "ref"; depth++) {
    const model = context.model(type.id);
    if (model?.kind !== "alias") break;
    type = model.type;
  }
  return type;
}

/** The type of `field` of an object type (through aliases); undefined when it has none. */
function fieldType(context: PlanContext, type: TypeRef, field: string): TypeRef | undefined {
  if (type.kind !== "ref") return undefined;
  const model = context.model(type.id);
  if (model?.kind === "alias") return fieldType(context, model.type, field);
  if (model?.kind !== "object") return undefined;
  return model.properties.find((property) => property.name === field)?.type;
}

function planStream(context: PlanContext, operation: Operation): StreamPlan {
  const streaming = operation.streaming!;
  const text = isTextEvents(context, streaming.events);
  const event = text ? STRING : (streaming.events ?? STRING);
  const finalEvent = text ? undefined : finalBranch(context, event, streaming.discriminator, streaming.final);
  return {
    parse: text ? "text" : "json",
    event,
    ...(streaming.discriminator ? { discriminator: streaming.discriminator } : {}),
    ...(streaming.final ? { final: streaming.final } : {}),
    ...(finalEvent ? { finalEvent } : {}),
  };
}

/** Events without a schema, or whose schema is a string (directly or through aliases), are not JSON. */
function isTextEvents(context: PlanContext, events: TypeRef | undefined): boolean {
  if (!events) return true;
  if (events.kind === "primitive") return events.type === "string";
  if (events.kind !== "ref") return false;
  const model = context.model(events.id);
  return model?.kind === "alias" && isTextEvents(context, model.type);
}

/** The union branch whose discriminator value is the final event's (declared mapping or branch `const`). */
function finalBranch(
  context: PlanContext,
  event: TypeRef,
  discriminator: string | undefined,
  final: string | undefined,
): TypeRef | undefined {
  if (!discriminator || !final || event.kind !== "ref") return undefined;
  const model = context.model(event.id);
  if (model?.kind !== "union") return undefined;
  const mapped = model.discriminator?.mapping.find((entry) => entry.value === final)?.id;
  if (mapped) return { kind: "ref", id: mapped };
  const branch = model.variants.find((variant) => {
    const value = variant.kind === "ref" ? fieldType(context, variant, discriminator) : undefined;
    return value?.kind === "literal" && value.value === final;
  });
  return branch;
}
