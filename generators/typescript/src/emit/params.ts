import { type IR, NameScope, type ObjectModel, type Operation } from "@embott/codegen-core";
import type { CodeWriter } from "../printer";
import { propertyKey } from "../printer";
import type { EmitNames } from "./names";
import type { TypesModule } from "./types-module";

export type FieldLocation = "path" | "query" | "header" | "cookie" | "body";

/** One key of a method's flat params object. */
export interface FlatField {
  /** camelCase key the user writes. */
  key: string;
  /** Name on the wire (path placeholder, query/header/cookie name, JSON body key). */
  wire: string;
  location: FieldLocation;
  required: boolean;
  /** TypeScript type expression of the value. */
  type: string;
  description?: string;
  deprecated: boolean;
}

/**
 * How a method's single params object maps to the request. `fields`: the JSON (or form) body object's
 * properties are flat keys; `whole`: the body is one `body` key (arrays, unions, maps, raw bytes); `none`.
 */
export interface ParamsPlan {
  fields: FlatField[];
  bodyMode: "none" | "fields" | "whole";
  /** Any field is required, so the params argument is too. */
  required: boolean;
}

/** Builds the flat params of an operation: path, query, header and cookie parameters, then body fields. */
export function planParams(ir: IR, operation: Operation, names: EmitNames, types: TypesModule): ParamsPlan {
  const keys = new NameScope();
  const excluded = excludedWireNames(ir, operation);
  const fields: FlatField[] = [];
  for (const parameter of operation.parameters) {
    if (parameter.in === "header" && excluded.headers.has(parameter.name.toLowerCase())) continue;
    const part = parameter.in === "header" ? "headers" : parameter.in;
    fields.push({
      key: claimKey(keys, names, parameter.words, parameter.in),
      wire: parameter.name,
      location: parameter.in,
      required: parameter.required,
      type:
        part === "cookie"
          ? types.typeRef(parameter.type)
          : (types.requestTypeRef(parameter.type) ?? types.requestFieldType(operation, part, parameter.name)),
      description: parameter.description,
      deprecated: parameter.deprecated,
    });
  }
  const bodyModel = flattenableBody(ir, operation);
  if (bodyModel) {
    for (const property of bodyModel.properties) {
      if (property.readOnly || excluded.bodyFields.has(property.name)) continue;
      fields.push({
        key: claimKey(keys, names, property.words, "body"),
        wire: property.name,
        location: "body",
        required: (operation.body?.required ?? false) && property.required,
        type: types.requestTypeRef(property.type) ?? types.requestFieldType(operation, "body", property.name),
        description: property.description,
        deprecated: property.deprecated,
      });
    }
  } else if (operation.body) {
    fields.push({
      key: keys.claim("body"),
      wire: "body",
      location: "body",
      required: operation.body.required,
      type: types.requestTypeRef(operation.body.type) ?? types.requestPartType(operation, "body"),
      description: operation.body.description,
      deprecated: false,
    });
  }
  const bodyMode = !operation.body ? "none" : bodyModel ? "fields" : "whole";
  return { fields, bodyMode, required: fields.some((field) => field.required) };
}

/** Writes `export interface <typeName> { … }` for a plan with at least one field. */
export function writeParamsInterface(
  writer: CodeWriter,
  typeName: string,
  plan: ParamsPlan,
  docs: string,
): void {
  writer.doc(docs);
  writer.block(`export interface ${typeName}`, () => {
    for (const field of plan.fields) {
      writer.doc(field.description, field.deprecated ? ["@deprecated"] : []);
      writer.line(`${propertyKey(field.key)}${field.required ? "" : "?"}: ${field.type};`);
    }
  });
}

/**
 * Wire fields the SDK fills itself: the `Idempotency-Key` header (RequestOptions.idempotencyKey, reused across
 * retries) and the streaming flag body field (sent by the method: false on the plain one, true on its twin).
 */
function excludedWireNames(ir: IR, operation: Operation): { headers: Set<string>; bodyFields: Set<string> } {
  const headers = new Set(operation.idempotencyHeader ? [operation.idempotencyHeader.toLowerCase()] : []);
  const flag = operation.streaming?.flag ?? streamTwinOf(ir, operation)?.streaming?.flag;
  return { headers, bodyFields: new Set(flag ? [flag] : []) };
}

export function streamTwinOf(ir: IR, operation: Operation): Operation | undefined {
  if (!operation.streamTwin) return undefined;
  return ir.resources
    .flatMap((resource) => resource.operations)
    .find((other) => other.id === operation.streamTwin);
}

/** The body's object model when its properties can become flat keys (a JSON or form object, no extra keys). */
function flattenableBody(ir: IR, operation: Operation): ObjectModel | undefined {
  const body = operation.body;
  if (body?.type.kind !== "ref" || body.type.nullable) return undefined;
  if (body.encoding !== "json" && body.encoding !== "form" && body.encoding !== "multipart") return undefined;
  const id = body.type.id;
  const model = ir.models.find((candidate) => candidate.id === id);
  if (model?.kind !== "object" || model.properties.length === 0) return undefined;
  return model.additionalProperties === undefined || model.additionalProperties === false ? model : undefined;
}

/** A camelCase key; when two locations share a name, the later one is prefixed (`bodyId`). */
function claimKey(
  keys: NameScope,
  names: EmitNames,
  words: readonly string[],
  location: FieldLocation,
): string {
  const key = names.paramKey(words);
  return keys.has(key) ? keys.claim(names.paramKey([location, ...words])) : keys.claim(key);
}
