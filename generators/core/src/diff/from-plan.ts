import { createHash } from "node:crypto";
import type { Docs, TypeRef } from "../ir/types";
import type { MethodPlan, ModelPlan, ResourcePlan, SdkPlan } from "../plan/types";
import {
  type ApiSurface,
  SURFACE_VERSION,
  type SurfaceMethod,
  type SurfaceModel,
  type SurfaceRequirement,
  type SurfaceType,
  type SurfaceWebhook,
} from "./surface";

/** A short, stable fingerprint of docs text (the snapshot keeps hashes, not prose). */
export function docsHash(...parts: (string | undefined)[]): string | undefined {
  const text = parts.filter((part) => part !== undefined && part !== "").join("\n");
  return text === "" ? undefined : createHash("sha256").update(text).digest("hex").slice(0, 12);
}

/** The public surface of the SDKs one plan produces: what `diff` compares. */
export function surfaceFromPlan(plan: SdkPlan): ApiSurface {
  const type = (ref: TypeRef): SurfaceType => surfaceType(ref, plan);
  const methods: SurfaceMethod[] = [];
  const visit = (resource: ResourcePlan, accessors: string[][]): void => {
    const chain = [...accessors, resource.property];
    for (const method of resource.methods) methods.push(surfaceMethod(method, chain, type));
    for (const child of resource.children) visit(child, chain);
  };
  for (const resource of plan.resources) visit(resource, []);
  return {
    surfaceVersion: SURFACE_VERSION,
    source: { file: plan.source.file, sha256: plan.source.sha256, apiVersion: plan.info.version },
    auth: plan.client.auth.schemes.map((scheme) => ({
      id: scheme.id,
      kind: scheme.kind,
      ...(scheme.placement !== scheme.kind ? { in: scheme.placement } : {}),
      ...(scheme.parameterName ? { name: scheme.parameterName } : {}),
    })),
    methods: methods.sort((a, b) => a.id.localeCompare(b.id)),
    models: plan.models.map((model) => surfaceModel(model, type)).sort((a, b) => a.key.localeCompare(b.key)),
    webhooks: (plan.webhooks?.events ?? []).map(
      (event): SurfaceWebhook => ({
        type: event.type,
        ...(event.payload ? { payload: type(event.payload) } : {}),
        deprecated: event.deprecated,
        ...optionalDocs(docsOf(event.docs)),
      }),
    ),
  };
}

function surfaceMethod(
  method: MethodPlan,
  resource: string[][],
  type: (ref: TypeRef) => SurfaceType,
): SurfaceMethod {
  // A page whose item type the plan could not tell (`unknown`) still exposes the response body's types.
  const item = method.pagination?.item;
  const returned =
    method.kind === "page"
      ? item && item.kind !== "unknown"
        ? item
        : method.response.type
      : method.kind === "stream"
        ? method.stream?.event
        : method.response.kind === "json"
          ? method.response.type
          : undefined;
  const raw =
    method.response.kind === "binary" || method.response.kind === "text" ? method.response.kind : undefined;
  return {
    id: method.id,
    resource,
    name: method.name,
    endpoint: `${method.request.method.toUpperCase()} ${method.request.path}`,
    kind: method.kind,
    ...(method.pagination?.descriptor.style ? { pagination: method.pagination.descriptor.style } : {}),
    params: method.params.map((param) => ({
      wire: param.wireName,
      words: param.name,
      location: param.location,
      required: param.required,
      type: type(param.type),
      deprecated: param.deprecated,
      ...optionalDocs(docsHash(param.docs)),
    })),
    ...(returned ? { returns: type(returned) } : {}),
    ...(raw && method.kind === "plain" ? { returnsRaw: raw } : {}),
    security: method.security.map(
      (alternative): SurfaceRequirement =>
        Object.fromEntries(
          alternative.schemes
            .map((scheme) => [scheme.id, [...new Set(scheme.scopes)].sort()] as const)
            .sort(([a], [b]) => a.localeCompare(b)),
        ),
    ),
    deprecated: method.deprecated,
    ...optionalDocs(docsOf(method.docs)),
  };
}

function surfaceModel(model: ModelPlan, type: (ref: TypeRef) => SurfaceType): SurfaceModel {
  const base = {
    key: model.name.join("_"),
    name: model.name,
    id: model.id,
    deprecated: model.deprecated,
    ...optionalDocs(docsHash(model.docs)),
  };
  switch (model.kind) {
    case "object":
      return {
        ...base,
        shape: {
          kind: "object",
          properties: model.fields.map((field) => ({
            wire: field.wireName,
            words: field.name,
            type: type(field.type),
            required: field.required,
            ...(field.readOnly
              ? { only: "read" as const }
              : field.writeOnly
                ? { only: "write" as const }
                : {}),
            deprecated: field.deprecated,
            ...optionalDocs(docsHash(field.docs)),
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

/** A plan TypeRef with model ids replaced by the models' neutral type names. */
function surfaceType(ref: TypeRef, plan: SdkPlan): SurfaceType {
  const nullable = ref.nullable ? { nullable: true as const } : {};
  switch (ref.kind) {
    case "array":
      return { kind: "array", items: surfaceType(ref.items, plan), ...nullable };
    case "map":
      return { kind: "map", values: surfaceType(ref.values, plan), ...nullable };
    case "ref": {
      const position = plan.index.models[ref.id];
      const model = position === undefined ? undefined : plan.models[position];
      return { kind: "ref", id: model ? model.name.join("_") : ref.id, ...nullable };
    }
    default:
      return { ...ref };
  }
}

const docsOf = (docs: Docs): string | undefined => docsHash(docs.summary, docs.description, docs.externalUrl);

const optionalDocs = (docs: string | undefined): { docs?: string } => (docs === undefined ? {} : { docs });
