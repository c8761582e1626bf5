import {
  allResources,
  type LanguageNaming,
  type MethodPlan,
  type ModelPlan,
  NameScope,
  type ResourcePlan,
  type SdkPlan,
} from "@embott/codegen-core";
import { typescriptModelNaming } from "../naming";

/** Member names of the runtime base classes, which generated members must not override. */
export interface InheritedMembers {
  client: ReadonlySet<string>;
  clientOptions: ReadonlySet<string>;
  resource: ReadonlySet<string>;
  webhooksResource: ReadonlySet<string>;
}

/**
 * Every TypeScript identifier of the SDK, cased from the plan's words (which core already made unique). What is
 * left here is TypeScript's own business: model names in the `Types` module, exported names stepping aside
 * from the runtime's exports (`Stream` resource → `StreamResource`), members clear of inherited ones.
 */
export class TsNames {
  readonly client: string;
  private readonly models = new Map<string, string>();
  private readonly classes = new Map<string, string>();
  private readonly params = new Map<string, string>();
  private readonly exports: NameScope;

  constructor(
    plan: SdkPlan,
    private readonly naming: LanguageNaming,
    runtimeExports: ReadonlySet<string>,
    private readonly inherited: InheritedMembers,
  ) {
    for (const model of plan.models)
      this.models.set(model.id, typescriptModelNaming.identifier(model.name, "type"));
    this.exports = new NameScope();
    for (const name of runtimeExports) this.exports.claim(name);
    this.client = this.claimExport(naming.identifier(plan.client.name, "type"), "Client");
    for (const resource of allResources(plan)) {
      this.classes.set(
        resource.id,
        this.claimExport(naming.identifier(resource.className, "type"), "Resource"),
      );
      for (const method of resource.methods) {
        if (method.paramsType) {
          this.params.set(method.id, this.claimExport(naming.identifier(method.paramsType, "type"), "Type"));
        }
      }
    }
  }

  /** A model's type name in `types.gen.ts` (`Types.<name>`). */
  model(model: ModelPlan | string): string {
    const id = typeof model === "string" ? model : model.id;
    const name = this.models.get(id);
    if (!name) throw new Error(`no TypeScript name for model ${id}`);
    return name;
  }

  resourceClass(resource: ResourcePlan): string {
    return this.classes.get(resource.id)!;
  }

  /** `client.<property>` / `this.<property>`, clear of the owning class's inherited members. */
  resourceProperty(resource: ResourcePlan, owner: "client" | ResourcePlan): string {
    const taken = owner === "client" ? this.inherited.client : this.inheritedOf(owner);
    return clearOf(this.naming.identifier(resource.property, "resource"), taken);
  }

  method(resource: ResourcePlan, method: MethodPlan): string {
    return clearOf(this.naming.identifier(method.name, "method"), this.inheritedOf(resource));
  }

  /** The params type of a method, by method id. */
  paramsType(method: MethodPlan | string): string | undefined {
    return this.params.get(typeof method === "string" ? method : method.id);
  }

  /** A flat param key or model-like property (camelCase). */
  key(words: readonly string[]): string {
    return this.naming.identifier(words, "property");
  }

  /** A client option for a server variable, clear of the runtime's `ClientOptions` keys. */
  option(words: readonly string[]): string {
    return clearOf(this.naming.identifier(words, "property"), this.inherited.clientOptions);
  }

  /** A module-level exported type name, such as the webhook event union or the client options. */
  typeName(words: readonly string[]): string {
    return this.claimExport(this.naming.identifier(words, "type"), "Type");
  }

  /** An exported name; when the runtime (or an earlier export) has it, `<name><suffix>`, then numbered. */
  claimExport(name: string, suffix: string): string {
    return this.exports.claim(this.exports.has(name) ? `${name}${suffix}` : name);
  }

  /** Whether `name` is exported by the runtime or by the SDK. */
  isExported(name: string): boolean {
    return this.exports.has(name);
  }

  private inheritedOf(resource: ResourcePlan): ReadonlySet<string> {
    return resource.verifiesWebhooks ? this.inherited.webhooksResource : this.inherited.resource;
  }
}

/** `request` → `request_` when a base class already has a member of that name. */
function clearOf(name: string, taken: ReadonlySet<string>): string {
  let candidate = name;
  while (taken.has(candidate)) candidate = `${candidate}_`;
  return candidate;
}
