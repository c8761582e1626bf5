import { modelById, type SdkPlan, type TypeRef } from "@embott/codegen-core";
import { propertyKey } from "../printer";
import type { TsNames } from "./names";

/** Generated files import the printed types as one namespace, so no type name can clash with ours. */
export const TYPES_NAMESPACE = "Types";

/** What a printed type expression needs imported. */
export interface TypeUsage {
  /** `Types.X` appears. */
  types: boolean;
  /** `Uploadable` (bytes a user sends) appears. */
  uploadable: boolean;
}

export const newUsage = (): TypeUsage => ({ types: false, uploadable: false });

/**
 * Prints a plan `TypeRef` as a TypeScript type expression: model refs as `Types.<Name>` (hey-api printed them
 * under the plan's names), scalars, literals, arrays, maps and nullability inline. A model hey-api did not print
 * (it cannot happen for a valid schema, but a type must never dangle) is printed structurally from the plan.
 * Usage is recorded so each file imports exactly what it uses.
 */
export class TypePrinter {
  constructor(
    private readonly plan: SdkPlan,
    private readonly names: TsNames,
    private readonly printed: ReadonlySet<string>,
  ) {}

  /** `direction` input: what a user passes (bytes are `Uploadable`); output: what the API returns. */
  print(type: TypeRef | undefined, usage: TypeUsage, direction: "input" | "output" = "output"): string {
    return this.printWithin(type, usage, direction, new Set());
  }

  private printWithin(
    type: TypeRef | undefined,
    usage: TypeUsage,
    direction: "input" | "output",
    seen: Set<string>,
  ): string {
    if (!type) return "unknown";
    const base = this.nonNull(type, usage, direction, seen);
    return type.nullable && base !== "unknown" && base !== "null" ? `${base} | null` : base;
  }

  private nonNull(type: TypeRef, usage: TypeUsage, direction: "input" | "output", seen: Set<string>): string {
    switch (type.kind) {
      case "primitive":
        if (type.format === "binary" && direction === "input") {
          usage.uploadable = true;
          return "Uploadable";
        }
        // What a user passes for a date: the string, or a Date the runtime formats (`format: date` → YYYY-MM-DD).
        if (direction === "input" && (type.format === "date" || type.format === "date-time"))
          return "string | Date";
        return type.type === "integer" ? "number" : type.type;
      case "literal":
        return type.value === null ? "null" : JSON.stringify(type.value);
      case "array": {
        const items = this.printWithin(type.items, usage, direction, seen);
        return `Array<${items}>`;
      }
      case "map":
        return `Record<string, ${this.printWithin(type.values, usage, direction, seen)}>`;
      case "ref":
        return this.model(type.id, usage, direction, seen);
      case "null":
        return "null";
      case "unknown":
        return "unknown";
    }
  }

  private model(id: string, usage: TypeUsage, direction: "input" | "output", seen: Set<string>): string {
    const name = this.names.model(id);
    if (this.printed.has(name)) {
      usage.types = true;
      return `${TYPES_NAMESPACE}.${name}`;
    }
    if (seen.has(id)) return "unknown";
    const inner = new Set(seen).add(id);
    const model = modelById(this.plan, id);
    const print = (type: TypeRef | undefined) => this.printWithin(type, usage, direction, inner);
    switch (model.kind) {
      case "alias":
        return print(model.type);
      case "enum":
        return model.values.map((entry) => JSON.stringify(entry.value)).join(" | ") || "never";
      case "union":
        return model.variants.map(print).join(" | ") || "unknown";
      case "object": {
        const fields = model.fields.map(
          (field) => `${propertyKey(field.wireName)}${field.required ? "" : "?"}: ${print(field.type)}`,
        );
        return `{ ${fields.join("; ")} }`;
      }
    }
  }
}
