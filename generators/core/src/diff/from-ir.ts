import { createHash } from "node:crypto";
import type { Docs, IR, Model, ObjectModel, Operation, TypeRef } from "../ir/types";
import {
  type ApiSurface,
  SURFACE_VERSION,
  type SurfaceMethod,
  type SurfaceModel,
  type SurfaceParam,
  type SurfaceType,
} from "./surface";

/** A short, stable fingerprint of docs text (the snapshot keeps hashes, not prose). */
export function docsHash(...parts: (string | undefined)[]): string | undefined {
  const text = parts.filter((part) => part !== undefined && part !== "").join("\n");
  return text === "" ? undefined : createHash("sha256").update(text).digest("hex").slice(0, 12);
}

const modelKey = (model: Pick<Model, "name">): string => model.name.words.join("_");

/** The public surface of the SDKs one IR produces. */
export function surfaceFromIR(ir: IR): ApiSurface {
  const models = new Map(ir.models.map((model) => [model.id, model]));
  const type = (ref: TypeRef): SurfaceType => surfaceType(ref, models);
  const entries = ir.resources.flatMap((resource) =>
    resource.operations.map((operation) => ({ resource, operation })),
  );
  // The plain twin of a streaming operation sends the stream flag itself, like the stream method.
  const flags = new Map(entries.map(({ operation }) => [operation.id, operation.streaming?.flag]));
  const methods = entries
    .map(({ resource, operation }) => {
      const flag =
        operation.streaming?.flag ?? (operation.streamTwin ? flags.get(operation.streamTwin) : undefined);
      return surfaceMethod(resource.path, operation, flag, models, type);
    })
    .sort((a, b) => a.id.localeCompare(b.id));
  return {
    surfaceVersion: SURFACE_VERSION,
    source: { file: ir.source.file, sha256: ir.source.sha256, apiVersion: ir.info.version },
    auth: ir.auth.map((scheme) => ({
      id: scheme.id,
      kind: scheme.kind,
      ...(scheme.in ? { in: scheme.in } : {}),
      ...(scheme.parameterName ? { name: scheme.parameterName } : {}),
    })),
    methods,
    models: ir.models.map((model) => surfaceModel(model, type)).sort((a, b) => a.key.localeCompare(b.key)),
    webhooks: ir.webhooks.map((event) => ({
      type: event.type,
      ...(event.payload ? { payload: type(event.payload) } : {}),
      deprecated: event.deprecated,
      ...optionalDocs(docsOf(event.docs)),
    })),
  };
}

function surfaceMethod(
  resourcePath: { words: string[] }[],
  operation: Operation,
  streamFlag: string | undefined,
  models: Map<string, Model>,
  type: (ref: TypeRef) => SurfaceType,
): SurfaceMethod {
  const kind = operation.streaming ? "stream" : operation.pagination ? "page" : "plain";
  const returned = returnedType(operation, kind, models);
  return {
    id: operation.id,
    resource: resourcePath.map((segment) => segment.words),
    name: operation.name.words,
    endpoint: `${operation.httpMethod.toUpperCase()} ${operation.path}`,
    kind,
    ...(operation.pagination ? { pagination: operation.pagination.style } : {}),
    params: flatParams(operation, streamFlag, models, type),
    ...(returned ? { returns: type(returned) } : {}),
    ...(operation.response.kind === "binary" || operation.response.kind === "text"
      ? { returnsRaw: operation.response.kind }
      : {}),
    auth: [
      ...new Set(operation.security.flatMap((alternative) => alternative.schemes.map((s) => s.id))),
    ].sort(),
    deprecated: operation.deprecated,
    ...optionalDocs(docsOf(operation.docs)),
  };
}

/** page → the item type; stream → the event type; plain → the body type. */
function returnedType(
  operation: Operation,
  kind: SurfaceMethod["kind"],
  models: Map<string, Model>,
): TypeRef | undefined {
  if (kind === "stream") return operation.streaming?.events ?? operation.response.type;
  const body = operation.response.type;
  if (kind !== "page" || !body) return body;
  if (body.kind === "array") return body.items;
  const itemsField = operation.pagination?.items;
  if (!itemsField) return body;
  let current: TypeRef | undefined = body;
  for (const segment of itemsField.split(".")) {
    const model: Model | undefined = current?.kind === "ref" ? models.get(current.id) : undefined;
    current = model?.kind === "object" ? model.properties.find((p) => p.name === segment)?.type : undefined;
  }
  return current?.kind === "array" ? current.items : body;
}

/** Path/query/header/cookie params, then the body object's properties (as the SDKs flatten them). */
function flatParams(
  operation: Operation,
  streamFlag: string | undefined,
  models: Map<string, Model>,
  type: (ref: TypeRef) => SurfaceType,
): SurfaceParam[] {
  const idempotencyHeader = operation.idempotencyHeader?.toLowerCase();
  const params: SurfaceParam[] = operation.parameters
    .filter((parameter) => parameter.in !== "header" || parameter.name.toLowerCase() !== idempotencyHeader)
    .map((parameter) => ({
      wire: parameter.name,
      words: parameter.words,
      location: parameter.in,
      required: parameter.required,
      type: type(parameter.type),
      deprecated: parameter.deprecated,
      ...optionalDocs(docsHash(parameter.description)),
    }));
  const body = operation.body;
  if (!body) return params;
  const model = flattenableBody(operation, models);
  if (!model) {
    params.push({
      wire: "body",
      words: ["body"],
      location: "body",
      required: body.required,
      type: type(body.type),
      deprecated: false,
      ...optionalDocs(docsHash(body.description)),
    });
    return params;
  }
  for (const property of model.properties) {
    if (property.readOnly || property.name === streamFlag) continue;
    params.push({
      wire: property.name,
      words: property.words,
      location: "body",
      required: body.required && property.required,
      type: type(property.type),
      deprecated: property.deprecated,
      ...optionalDocs(docsHash(property.description)),
    });
  }
  return params;
}

function flattenableBody(operation: Operation, models: Map<string, Model>): ObjectModel | undefined {
  const body = operation.body;
  if (body?.type.kind !== "ref" || body.type.nullable) return undefined;
  if (body.encoding !== "json" && body.encoding !== "form" && body.encoding !== "multipart") return undefined;
  const model = models.get(body.type.id);
  if (model?.kind !== "object" || model.properties.length === 0) return undefined;
  return model.additionalProperties === undefined || model.additionalProperties === false ? model : undefined;
}

function surfaceModel(model: Model, type: (ref: TypeRef) => SurfaceType): SurfaceModel {
  const base = {
    key: modelKey(model),
    name: model.name.words,
    id: model.id,
    deprecated: model.deprecated,
    ...optionalDocs(docsHash(model.description)),
  };
  switch (model.kind) {
    case "object":
      return {
        ...base,
        shape: {
          kind: "object",
          properties: model.properties.map((property) => ({
            wire: property.name,
            words: property.words,
            type: type(property.type),
            required: property.required,
            ...(property.readOnly
              ? { only: "read" as const }
              : property.writeOnly
                ? { only: "write" as const }
                : {}),
            deprecated: property.deprecated,
            ...optionalDocs(docsHash(property.description)),
          })),
          ...(model.additionalProperties === undefined
            ? {}
            : { extraKeys: model.additionalProperties === false ? false : type(model.additionalProperties) }),
        },
      };
    case "enum":
      return {
        ...base,
        shape: { kind: "enum", values: model.values.map((entry) => entry.value), nullable: model.nullable },
      };
    case "union":
      return {
        ...base,
        shape: { kind: "union", variants: model.variants.map(type), nullable: model.nullable },
      };
    case "alias":
      return { ...base, shape: { kind: "alias", type: type(model.type) } };
  }
}

function surfaceType(ref: TypeRef, models: Map<string, Model>): SurfaceType {
  const nullable = ref.nullable ? { nullable: true as const } : {};
  switch (ref.kind) {
    case "array":
      return { kind: "array", items: surfaceType(ref.items, models), ...nullable };
    case "map":
      return { kind: "map", values: surfaceType(ref.values, models), ...nullable };
    case "ref": {
      const model = models.get(ref.id);
      return { kind: "ref", model: model ? modelKey(model) : ref.id, ...nullable };
    }
    default:
      return { ...ref } as SurfaceType;
  }
}

const docsOf = (docs: Docs): string | undefined => docsHash(docs.summary, docs.description, docs.externalUrl);

const optionalDocs = (docs: string | undefined): { docs?: string } => (docs === undefined ? {} : { docs });
