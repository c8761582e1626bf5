import type { LanguageNaming, ModelPlan, PrimitiveType, SdkPlan, TypeRef } from "@embott/codegen-core";
import { modelById } from "@embott/codegen-core";
import type { PhpType } from "./view";

/** Maps the plan's neutral types to PHP: declared type, phpDoc type and how Fields reads the value. */
export class PhpTypes {
  constructor(
    private readonly plan: SdkPlan,
    private readonly naming: LanguageNaming,
  ) {}

  /** Class name of a model (object, enum or union). */
  className(model: ModelPlan): string {
    return this.naming.identifier(model.name, "type");
  }

  /** The type of a response value (model properties, return values). */
  of(ref: TypeRef, seen: ReadonlySet<string> = new Set()): PhpType {
    const nullable = ref.nullable === true;
    switch (ref.kind) {
      case "primitive":
        return scalar(phpScalar(ref.type), nullable);
      case "literal":
        if (typeof ref.value === "string") return { ...scalar("string", nullable), doc: quote(ref.value) };
        if (typeof ref.value === "number")
          return scalar(Number.isInteger(ref.value) ? "int" : "float", nullable);
        if (typeof ref.value === "boolean") return scalar("bool", nullable);
        return mixed();
      case "array": {
        const item = this.of(ref.items, seen);
        return {
          native: "array",
          doc: `list<${item.doc}>`,
          read: { method: "list", arg: itemArg(item) },
          uses: item.uses,
          nullable,
        };
      }
      case "map": {
        const value = this.of(ref.values, seen);
        return {
          native: "array",
          doc: `array<string, ${value.doc}>`,
          read: { method: "map", arg: itemArg(value) },
          uses: value.uses,
          nullable,
        };
      }
      case "ref":
        return this.ofModel(ref.id, nullable, seen);
      default:
        return mixed();
    }
  }

  /** The phpDoc type of a value the user passes in params (objects are arrays). */
  input(ref: TypeRef, seen: ReadonlySet<string> = new Set()): string {
    const doc = this.inputDoc(ref, seen);
    return ref.nullable === true && doc !== "mixed" ? `${doc}|null` : doc;
  }

  private inputDoc(ref: TypeRef, seen: ReadonlySet<string>): string {
    switch (ref.kind) {
      case "primitive":
        if (ref.type === "string")
          return ref.format === "date-time" || ref.format === "date"
            ? "string|\\DateTimeInterface"
            : "string";
        return ref.type === "integer" ? "int" : ref.type === "number" ? "float|int" : "bool";
      case "literal":
        return typeof ref.value === "string"
          ? quote(ref.value)
          : ref.value === null
            ? "null"
            : String(ref.value);
      case "array":
        return `list<${this.inputDoc(ref.items, seen)}>`;
      case "map":
        return `array<string, ${this.inputDoc(ref.values, seen)}>`;
      case "ref": {
        if (seen.has(ref.id)) return "mixed";
        const model = modelById(this.plan, ref.id);
        const next = new Set([...seen, ref.id]);
        if (model.kind === "enum")
          return model.values
            .map((item) => (typeof item.value === "string" ? quote(item.value) : String(item.value)))
            .join("|");
        if (model.kind === "alias") return this.inputDoc(model.type, next);
        return "array<string, mixed>";
      }
      default:
        return "mixed";
    }
  }

  private ofModel(id: string, nullable: boolean, seen: ReadonlySet<string>): PhpType {
    const model = modelById(this.plan, id);
    const name = this.className(model);
    switch (model.kind) {
      case "object":
        return {
          native: name,
          doc: name,
          read: { method: "model", arg: `${name}::class` },
          uses: [`Model\\${name}`],
          nullable,
        };
      case "enum": {
        const native = phpScalar(model.valueType);
        return { ...scalar(native, nullable || model.nullable), enumClass: name };
      }
      case "alias":
        if (seen.has(id)) return mixed();
        return this.of(
          { ...model.type, ...(nullable ? { nullable: true as const } : {}) },
          new Set([...seen, id]),
        );
      case "union": {
        if (!this.isObjectUnion(model.variants, new Set([...seen, id]))) return mixed();
        return {
          native: "Model",
          doc: name === "Model" ? "Model" : `Model`,
          read: { method: "model", arg: `${name}::class` },
          uses: [`Model\\${name}`, "Core\\Model"],
          nullable: nullable || model.nullable,
        };
      }
    }
  }

  /** Whether every branch is an object model or another such union (so a factory class can build it). */
  isObjectUnion(variants: readonly TypeRef[], seen: ReadonlySet<string> = new Set()): boolean {
    return variants.every((variant) => {
      if (variant.kind !== "ref" || seen.has(variant.id)) return false;
      const model = modelById(this.plan, variant.id);
      if (model.kind === "object") return true;
      return model.kind === "union" && this.isObjectUnion(model.variants, new Set([...seen, variant.id]));
    });
  }
}

/** PHP's scalar type for an OpenAPI primitive. */
export function phpScalar(type: PrimitiveType): "string" | "int" | "float" | "bool" {
  return type === "integer" ? "int" : type === "number" ? "float" : type === "boolean" ? "bool" : "string";
}

function scalar(native: "string" | "int" | "float" | "bool", nullable: boolean): PhpType {
  return { native, doc: native, read: { method: native }, uses: [], nullable };
}

function mixed(): PhpType {
  return { native: "mixed", doc: "mixed", read: { method: "mixed" }, uses: [], nullable: false };
}

/** What Fields::list()/map() get for their items: a model class or a scalar kind. */
function itemArg(item: PhpType): string {
  if (item.read.method === "model" && item.read.arg) return item.read.arg;
  if (item.read.method === "list" || item.read.method === "map") return "array";
  return item.native === "mixed" || item.native === "array" ? item.native : item.native;
}

function quote(value: string): string {
  return `'${value.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
}
