import { splitWords } from "../../naming/words";
import type { BuildContext, SpecOperation } from "../context";
import { stringAt } from "../json";
import { buildPagination } from "../pagination/pagination";
import { effectiveSecurity, scopesOf } from "../security";
import type { Docs, Operation, Parameter } from "../types";
import { buildBody } from "./body";
import { buildParameters } from "./parameters";
import { type OperationPlacement, placeOperation } from "./resource-naming";
import { buildErrors, buildSuccess } from "./responses";
import { negotiatedStream } from "./stream-negotiation";
import { inferredStreaming, readStreamingExtension, streamingTwin } from "./streaming";

/** An operation before its id is final (ids need collision-free method names per resource). */
export interface DraftOperation {
  placement: OperationPlacement;
  operation: Operation;
  /** For a streaming twin: the plain draft it belongs to. */
  twinOf?: DraftOperation;
}

const IDEMPOTENT_METHODS = new Set(["get", "head", "put", "delete", "options"]);

/** One spec operation → its draft, plus a streaming twin when `x-embott-streaming` asks for one. */
export function buildOperationDrafts(context: BuildContext, spec: SpecOperation): DraftOperation[] {
  const placement = placeOperation(spec, context.document);
  const hint = [...(placement.resourcePath.at(-1)?.words ?? []), ...placement.method.words];
  const parameters = buildParameters(context, spec, hint);
  const response = buildSuccess(context, spec, hint);
  const body = buildBody(context, spec, hint);
  const security = effectiveSecurity(spec.operation, context.rootSecurity);
  const idempotencyHeader = parameters.find(isIdempotencyKey)?.name;
  const pagination = buildPagination(context.document, spec, parameters, response);
  const operation: Operation = {
    id: "",
    ...(typeof spec.operation["operationId"] === "string"
      ? { operationId: spec.operation["operationId"] }
      : {}),
    name: placement.method,
    httpMethod: spec.httpMethod,
    path: spec.path,
    parameters,
    ...(body ? { body } : {}),
    response,
    errors: buildErrors(context, spec, hint),
    ...(pagination ? { pagination } : {}),
    security,
    securityOrigin: "security" in spec.operation ? "operation" : "root",
    scopes: scopesOf(security),
    deprecated: spec.operation["deprecated"] === true,
    docs: docsOf(spec),
    idempotent: IDEMPOTENT_METHODS.has(spec.httpMethod) || idempotencyHeader !== undefined,
    ...(idempotencyHeader ? { idempotencyHeader } : {}),
    tags: (Array.isArray(spec.operation["tags"]) ? spec.operation["tags"] : []).filter(
      (tag) => typeof tag === "string",
    ),
  };
  const streaming = inferredStreaming(operation);
  if (streaming) operation.streaming = streaming;
  const plain: DraftOperation = { placement, operation };
  const extension = readStreamingExtension(context, spec) ?? negotiatedStream(context, spec, operation, hint);
  if (!extension) return [plain];
  const twin = streamingTwin(operation, extension);
  return [plain, { placement: { ...placement, method: extension.method }, operation: twin, twinOf: plain }];
}

function isIdempotencyKey(parameter: Parameter): boolean {
  return parameter.in === "header" && splitWords(parameter.name).join("-") === "idempotency-key";
}

export function docsOf(spec: { operation: Record<string, unknown> }): Docs {
  const summary = stringAt(spec.operation["summary"]);
  const description = stringAt(spec.operation["description"]);
  const external = spec.operation["externalDocs"];
  const externalUrl =
    typeof external === "object" && external !== null
      ? stringAt((external as Record<string, unknown>)["url"])
      : undefined;
  return {
    ...(summary ? { summary } : {}),
    ...(description ? { description } : {}),
    ...(externalUrl ? { externalUrl } : {}),
  };
}
