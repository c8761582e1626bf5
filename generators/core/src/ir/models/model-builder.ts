import { splitWords, wordsOr } from "../../naming/words";
import { isObject, type Json, objectAt, pointerJoin, resolvePointer } from "../json";
import type { Model, ModelBase, TypeRef } from "../types";
import { enumModel } from "./enum-model";
import { objectModel } from "./object-model";
import { typeFromType } from "./scalar-types";
import { unionModel } from "./union-model";

const COMPONENT_PREFIX = "#/components/schemas/";

/**
 * Turns JSON Schemas into `TypeRef`s, registering a `Model` for every component schema and every inline
 * object, enum or union it meets (hoisted with its JSON pointer as id). Recursion is safe: a model id is
 * registered before its members are built, so a self-reference becomes a plain `ref`.
 */
export class ModelBuilder {
  private readonly models = new Map<string, Model>();
  private readonly inProgress = new Set<string>();

  constructor(readonly document: Json) {}

  /** Register every `components.schemas` entry (also the unused ones). */
  addComponents(): void {
    const schemas = objectAt(objectAt(this.document["components"])["schemas"]);
    for (const name of Object.keys(schemas)) this.componentRef(name);
  }

  /** All models built so far, sorted by id. */
  allModels(): Model[] {
    return [...this.models.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  /** The type of `schema` found at `pointer`; `hint` names hoisted models (e.g. ["create", "bot", "request"]). */
  typeOf(schema: unknown, pointer: string, hint: string[]): TypeRef {
    if (!isObject(schema)) return { kind: "unknown" };
    const ref = schema["$ref"];
    if (typeof ref === "string") return this.refType(ref, hint);
    const shape = modelShape(schema);
    if (shape) return this.hoist(schema, pointer, hint, shape);
    return typeFromType(this, schema, pointer, hint);
  }

  /** A hint for a child schema: the schema's own `title` wins over the derived words. */
  childHint(schema: unknown, fallback: string[]): string[] {
    const title = isObject(schema) ? schema["title"] : undefined;
    return typeof title === "string" && splitWords(title).length > 0 ? splitWords(title) : fallback;
  }

  private refType(ref: string, hint: string[]): TypeRef {
    if (ref.startsWith(COMPONENT_PREFIX) && !ref.slice(COMPONENT_PREFIX.length).includes("/")) {
      return this.componentRef(decodePointerSegment(ref.slice(COMPONENT_PREFIX.length)));
    }
    return this.typeOf(resolvePointer(this.document, ref), ref, hint);
  }

  private componentRef(name: string): TypeRef {
    if (!this.models.has(name) && !this.inProgress.has(name)) {
      const pointer = pointerJoin("#/components/schemas", name);
      const schema = objectAt(resolvePointer(this.document, pointer));
      this.inProgress.add(name);
      const words = wordsOr(name, ["model"]);
      const base = baseOf(schema, name, { raw: name, words }, "component");
      const shape = modelShape(schema);
      const model = shape
        ? this.buildModel(schema, pointer, base, shape)
        : { ...base, kind: "alias" as const, type: this.aliasTarget(schema, pointer, words) };
      this.models.set(name, model);
      this.inProgress.delete(name);
    }
    return { kind: "ref", id: name };
  }

  /** A component that is itself a `$ref` or a scalar/array/map becomes an alias. */
  private aliasTarget(schema: Json, pointer: string, words: string[]): TypeRef {
    if (typeof schema["$ref"] === "string") return this.refType(schema["$ref"], words);
    return typeFromType(this, schema, pointer, words);
  }

  private hoist(schema: Json, pointer: string, hint: string[], shape: ModelShape): TypeRef {
    if (!this.models.has(pointer) && !this.inProgress.has(pointer)) {
      const words = hint.length > 0 ? hint : ["model"];
      const base = baseOf(schema, pointer, { raw: "", words }, "inline");
      this.inProgress.add(pointer);
      this.models.set(pointer, this.buildModel(schema, pointer, base, shape));
      this.inProgress.delete(pointer);
    }
    return { kind: "ref", id: pointer };
  }

  private buildModel(schema: Json, pointer: string, base: ModelBase, shape: ModelShape): Model {
    if (shape === "enum") return enumModel(schema, base);
    if (shape === "union") return unionModel(this, schema, pointer, base);
    return objectModel(this, schema, pointer, base);
  }
}

type ModelShape = "object" | "enum" | "union";

/** Which kind of model a schema needs, or undefined when a plain TypeRef describes it. */
export function modelShape(schema: Json): ModelShape | undefined {
  if (Array.isArray(schema["enum"]) && schema["enum"].some((value) => value !== null)) return "enum";
  const branches = [...asList(schema["oneOf"]), ...asList(schema["anyOf"])];
  if (branches.filter((branch) => !isNullSchema(branch)).length > 1) return "union";
  if (isObject(schema["properties"]) && Object.keys(schema["properties"]).length > 0) return "object";
  if (asList(schema["allOf"]).length > 1) return "object";
  const types = Array.isArray(schema["type"]) ? schema["type"].filter((type) => type !== "null") : [];
  if (types.length > 1) return "union";
  return undefined;
}

export const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** `{ type: "null" }` or `{ const: null }` / `{ enum: [null] }`. */
export function isNullSchema(schema: unknown): boolean {
  if (!isObject(schema)) return false;
  if (schema["type"] === "null") return true;
  if ("const" in schema && schema["const"] === null) return true;
  const values = schema["enum"];
  return Array.isArray(values) && values.length === 1 && values[0] === null;
}

function baseOf(schema: Json, id: string, name: Model["name"], origin: ModelBase["origin"]): ModelBase {
  const description = typeof schema["description"] === "string" ? schema["description"] : undefined;
  return {
    id,
    name,
    origin,
    ...(description ? { description } : {}),
    deprecated: schema["deprecated"] === true,
  };
}

function decodePointerSegment(segment: string): string {
  return decodeURIComponent(segment).replace(/~1/g, "/").replace(/~0/g, "~");
}
