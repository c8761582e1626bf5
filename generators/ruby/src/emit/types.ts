import type { RubyModel, RubyTypeRef } from "./sdk-view";

/** Model lookup by id, with the Ruby constant path of each. */
export class ModelIndex {
  readonly #models = new Map<string, RubyModel>();

  constructor(
    models: readonly RubyModel[],
    /** e.g. "Embott::Models" */
    readonly namespace: string,
  ) {
    for (const model of models) this.#models.set(model.id, model);
  }

  get(id: string): RubyModel | undefined {
    return this.#models.get(id);
  }

  /** The model's constant relative to the Models namespace (aliases resolved to their target's). */
  resolve(type: RubyTypeRef): RubyTypeRef {
    let current = type;
    for (let depth = 0; current.kind === "model" && depth < 10; depth++) {
      const model = this.#models.get(current.id);
      if (model?.kind !== "alias") return current;
      current = model.type;
    }
    return current;
  }

  /** YARD type of a value, e.g. `Array<Embott::Models::Bot>`, `String`, `Hash{String => Object}`. */
  yardType(type: RubyTypeRef, prefix = "Models::", depth = 0): string {
    if (depth > 6) return "Object";
    const resolved = this.resolve(type);
    switch (resolved.kind) {
      case "primitive":
        return { string: "String", integer: "Integer", number: "Float", boolean: "Boolean" }[resolved.type];
      case "literal":
        return resolved.value === null
          ? "nil"
          : typeof resolved.value === "string"
            ? "String"
            : typeof resolved.value === "number"
              ? "Numeric"
              : "Boolean";
      case "array":
        return `Array<${this.yardType(resolved.items, prefix, depth + 1)}>`;
      case "map":
        return `Hash{String => ${this.yardType(resolved.values, prefix, depth + 1)}}`;
      case "unknown":
        return "Object";
      case "model": {
        const model = this.#models.get(resolved.id);
        if (!model) return "Object";
        const name = `${prefix}${model.className}`;
        if (model.kind === "enum") return typeof model.values[0]?.value === "number" ? "Numeric" : "String";
        if (model.kind === "union") {
          const variants = this.unionYard(model.variants, prefix, depth + 1);
          return variants.length <= 60 ? variants : name;
        }
        return name;
      }
    }
  }

  /** The `type` argument `Model.coerce` takes for this value, or undefined when the value stays as parsed. */
  coercion(type: RubyTypeRef, prefix = `${this.namespace}::`, depth = 0): string | undefined {
    if (depth > 6) return undefined;
    const resolved = this.resolve(type);
    switch (resolved.kind) {
      case "array": {
        const inner = this.coercion(resolved.items, prefix, depth + 1);
        return inner ? `[${inner}]` : undefined;
      }
      case "map": {
        const inner = this.coercion(resolved.values, prefix, depth + 1);
        return inner ? `{ values: ${inner} }` : undefined;
      }
      case "model": {
        const model = this.#models.get(resolved.id);
        if (!model || model.kind === "enum" || model.kind === "alias") return undefined;
        if (
          model.kind === "union" &&
          !model.variants.some((variant) => this.coercion(variant, prefix, depth + 1))
        )
          return undefined;
        return `${prefix}${model.className}`;
      }
      default:
        return undefined;
    }
  }

  /** The enum model behind a value, for "one of" docs. */
  enumOf(type: RubyTypeRef): Extract<RubyModel, { kind: "enum" }> | undefined {
    const resolved = this.resolve(type);
    const model = resolved.kind === "model" ? this.#models.get(resolved.id) : undefined;
    return model?.kind === "enum" ? model : undefined;
  }

  private unionYard(variants: readonly RubyTypeRef[], prefix: string, depth: number): string {
    const names = [...new Set(variants.map((variant) => this.yardType(variant, prefix, depth)))];
    return names.length > 0 ? names.join(", ") : "Object";
  }
}
