import type { Operation, TypeRef } from "@embott/codegen-core";
import { type HeyApiSymbolTable, operationKey } from "../hey-api";
import { quote } from "../printer";

/** Generated files import the printed types as one namespace, so no type name can clash with ours. */
export const TYPES_NAMESPACE = "Types";

/**
 * Answers "which type describes this?" for the emitters by reading the names hey-api gave its types. Every
 * answer is a type expression valid in a generated file that imports `* as Types from "<types.gen>"`.
 */
export class TypesModule {
  constructor(private readonly table: HeyApiSymbolTable) {}

  /** The `…Data` type of an operation (hey-api's `{ body, path, query, headers }` request shape). */
  dataType(operation: Operation): string | undefined {
    const name = this.table.operations.get(operationKey(operation.httpMethod, operation.path))?.data;
    return name ? qualified(name) : undefined;
  }

  /** The success response body type, when the spec documents one. */
  responseType(operation: Operation): string | undefined {
    const name = this.table.operations.get(operationKey(operation.httpMethod, operation.path))?.response;
    return name ? qualified(name) : undefined;
  }

  /** The body type of exactly the IR's chosen success status (`Types.XResponses[200]`), else `responseType`. */
  chosenResponseType(operation: Operation): string | undefined {
    const names = this.table.operations.get(operationKey(operation.httpMethod, operation.path));
    if (names?.responses && /^\d{3}$/.test(operation.response.status)) {
      return `${qualified(names.responses)}[${operation.response.status}]`;
    }
    return this.responseType(operation);
  }

  /** The type of one request part's field: `NonNullable<Types.XData["query"]>["limit"]`. */
  requestFieldType(
    operation: Operation,
    part: "path" | "query" | "headers" | "body",
    wireName: string,
  ): string {
    return `${this.requestPartType(operation, part)}[${quote(wireName)}]`;
  }

  /** The whole type of one request part: `NonNullable<Types.XData["body"]>`. */
  requestPartType(operation: Operation, part: "path" | "query" | "headers" | "body"): string {
    const data = this.dataType(operation);
    return data ? `NonNullable<${data}[${quote(part)}]>` : "unknown";
  }

  /** A model's type when hey-api declared it (component schemas), else undefined. */
  modelType(modelId: string): string | undefined {
    const name = this.table.schemas.get(`#/components/schemas/${modelId}`) ?? this.table.schemas.get(modelId);
    return name ? qualified(name) : undefined;
  }

  /** A type for a TypeRef: named models through hey-api, inline scalars printed here, anything else unknown. */
  typeRef(type: TypeRef | undefined): string {
    return this.print(type, (id) => this.modelType(id));
  }

  /**
   * The named type a request field is written with (`Types.MessageRole`, `string`, `Array<Types.Tag>`), using
   * hey-api's `…Writable` variant of a model that has one. Undefined when no name covers it exactly (an inline
   * enum or object, raw bytes): callers then index into the operation's request type.
   */
  requestTypeRef(type: TypeRef): string | undefined {
    if (hasBinary(type)) return undefined;
    const printed = this.print(type, (id) => this.writableModelType(id) ?? this.modelType(id));
    return /\bunknown\b/.test(printed) ? undefined : printed;
  }

  private writableModelType(modelId: string): string | undefined {
    const name = this.table.schemas.get(`#/components/schemas/${modelId}Writable`);
    return name ? qualified(name) : undefined;
  }

  /** The payload type of each webhook event, by event type. */
  webhookPayloadType(eventType: string): string | undefined {
    const name = this.table.webhookPayloads.get(eventType);
    return name ? qualified(name) : undefined;
  }

  private print(type: TypeRef | undefined, model: (id: string) => string | undefined): string {
    if (!type) return "unknown";
    const base = this.printNonNull(type, model);
    return type.nullable && base !== "unknown" ? `${base} | null` : base;
  }

  private printNonNull(type: TypeRef, model: (id: string) => string | undefined): string {
    switch (type.kind) {
      case "primitive":
        return type.type === "integer" ? "number" : type.type;
      case "literal":
        return type.value === null ? "null" : JSON.stringify(type.value);
      case "array":
        return `Array<${this.print(type.items, model)}>`;
      case "map":
        return `Record<string, ${this.print(type.values, model)}>`;
      case "ref":
        return model(type.id) ?? "unknown";
      case "null":
        return "null";
      case "unknown":
        return "unknown";
    }
  }
}

/** hey-api types `format: binary` strings as `Blob | File`, so such fields keep hey-api's own type. */
function hasBinary(type: TypeRef): boolean {
  if (type.kind === "primitive") return type.format === "binary";
  if (type.kind === "array") return hasBinary(type.items);
  if (type.kind === "map") return hasBinary(type.values);
  return false;
}

/** `Types.Pet`. */
export function qualified(name: string): string {
  return `${TYPES_NAMESPACE}.${name}`;
}

/** Walks a dotted response field path as indexed access types: `NonNullable<T["a"]>["b"]`. */
export function fieldPathType(base: string, dottedPath: string | undefined): string {
  if (!dottedPath) return base;
  return dottedPath.split(".").reduce((type, segment) => `NonNullable<${type}>[${quote(segment)}]`, base);
}
