import type { ModelPlan, SdkPlan, TypeRef } from "@embott/codegen-core";
import { modelById } from "@embott/codegen-core";
import type { Imports } from "./imports";
import { type PythonNames, pyLiteral } from "./names";

/** `model`: response side (pydantic classes); `param`: request side (TypedDicts, wider input types). */
export type TypeMode = "model" | "param";

/** Where each model lives and what it is called, for printing references to it. */
export class ModelLocator {
  readonly #modules = new Map<string, string>();
  readonly #withParam = new Set<string>();

  constructor(
    readonly plan: SdkPlan,
    readonly names: PythonNames,
  ) {}

  setModule(id: string, module: string): void {
    this.#modules.set(id, module);
  }

  module(id: string): string {
    const module = this.#modules.get(id);
    if (module === undefined) throw new Error(`no module for model "${id}"`);
    return module;
  }

  markParam(id: string): void {
    this.#withParam.add(id);
  }

  hasParam(id: string): boolean {
    return this.#withParam.has(id);
  }

  model(id: string): ModelPlan {
    return modelById(this.plan, id);
  }

  className(id: string): string {
    return this.names.type(this.model(id).name);
  }

  paramName(id: string): string {
    return `${this.className(id)}Param`;
  }
}

/** Prints TypeRefs as Python annotations, recording the imports they need. */
export class TypePrinter {
  constructor(
    readonly locator: ModelLocator,
    /** Import prefix of the `types` package from the module being printed (`.`, `..types.`, `.types.`). */
    readonly typesPrefix: string,
    /** Import prefix of the runtime from the module being printed (`.._runtime`, `.._runtime`). */
    readonly runtimeModule: string,
    readonly imports: Imports,
    /** The module being printed, when it is a types module (same-module refs are not imported). */
    readonly ownModule?: string,
  ) {}

  print(ref: TypeRef, mode: TypeMode): string {
    const inner = this.#bare(ref, mode);
    if (ref.nullable && ref.kind !== "null" && ref.kind !== "unknown" && inner !== "None") {
      this.imports.add("typing", "Optional");
      return `Optional[${inner}]`;
    }
    return inner;
  }

  #bare(ref: TypeRef, mode: TypeMode): string {
    switch (ref.kind) {
      case "primitive":
        return this.#primitive(ref.type, ref.format, mode);
      case "literal":
        if (ref.value === null) return "None";
        this.imports.add("typing", "Literal");
        return `Literal[${pyLiteral(ref.value)}]`;
      case "array":
        if (mode === "param") {
          this.imports.add("typing", "Sequence");
          return `Sequence[${this.print(ref.items, mode)}]`;
        }
        return `list[${this.print(ref.items, mode)}]`;
      case "map":
        if (mode === "param") {
          this.imports.add("typing", "Mapping");
          return `Mapping[str, ${this.print(ref.values, mode)}]`;
        }
        return `dict[str, ${this.print(ref.values, mode)}]`;
      case "ref":
        return this.reference(ref.id, mode);
      case "null":
        return "None";
      case "unknown":
        if (mode === "param") return "object";
        this.imports.add("typing", "Any");
        return "Any";
    }
  }

  /** Aliases that refer to themselves: printed as string forward references while one of them is printed. */
  quoted: ReadonlySet<string> = new Set();

  /** The name of a model (its Param TypedDict on the request side), imported when it lives elsewhere. */
  reference(id: string, mode: TypeMode): string {
    const name =
      mode === "param" && this.locator.hasParam(id) ? this.locator.paramName(id) : this.locator.className(id);
    if (this.quoted.has(id) && mode === "model") {
      // pydantic cannot build a schema for an implicitly recursive alias; the recursion is left open.
      this.imports.add("typing", "Any");
      return "Any";
    }
    if (this.quoted.has(id)) return `"${name}"`;
    const module = this.locator.module(id);
    if (module !== this.ownModule) this.imports.add(`${this.typesPrefix}${module}`, name);
    return name;
  }

  #primitive(type: string, format: string | undefined, mode: TypeMode): string {
    if (type === "string") {
      if (format === "binary" && mode === "param") {
        this.imports.add(this.runtimeModule, "FileContent");
        return "FileContent";
      }
      if (format === "date-time" || format === "date") {
        const name = format === "date" ? "date" : "datetime";
        this.imports.add("datetime", name);
        if (mode === "model") return name;
        this.imports.add("typing", "Union");
        return `Union[str, ${name}]`;
      }
      return "str";
    }
    if (type === "integer") return "int";
    if (type === "number") return "float";
    if (type === "boolean") return "bool";
    return "object";
  }
}

/** The model ids a TypeRef mentions directly. */
export function referencedIds(ref: TypeRef): string[] {
  switch (ref.kind) {
    case "ref":
      return [ref.id];
    case "array":
      return referencedIds(ref.items);
    case "map":
      return referencedIds(ref.values);
    default:
      return [];
  }
}

/** The model ids a model mentions directly (fields, variants, alias target, extra keys). */
export function modelDependencies(model: ModelPlan): string[] {
  switch (model.kind) {
    case "object":
      return [
        ...model.fields.flatMap((field) => referencedIds(field.type)),
        ...(model.additionalProperties ? referencedIds(model.additionalProperties) : []),
      ];
    case "union":
      return model.variants.flatMap(referencedIds);
    case "alias":
      return referencedIds(model.type);
    case "enum":
      return [];
  }
}
