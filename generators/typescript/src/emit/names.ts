import {
  type LanguageNaming,
  type Name,
  NameScope,
  type Operation,
  type Resource,
  singular,
  wordsOr,
} from "@embott/codegen-core";

/**
 * Every identifier the TypeScript emitter declares, derived from IR words through the TypeScript naming refiner
 * and claimed in one module-wide scope, so a params type never shadows a resource class or the client.
 * hey-api's type names live in their own namespace (`Types.*`) and the barrel re-exports them, so they are
 * claimed first and ours step aside (`Pets` resource vs `Pets` schema → `PetsResource`).
 */
export class EmitNames {
  private readonly scope = new NameScope();

  constructor(
    private readonly naming: LanguageNaming,
    takenTypeNames: Iterable<string>,
  ) {
    for (const name of takenTypeNames) this.scope.claim(name);
  }

  /** Claims an exported name, trying each preferred spelling before numbering the first. */
  claimExport(preferred: string, ...alternatives: string[]): string {
    const free = [preferred, ...alternatives].find((candidate) => !this.scope.has(candidate));
    return this.scope.claim(free ?? preferred);
  }

  clientClass(clientName: string): string {
    const base = this.naming.identifier(wordsOr(clientName, ["client"]), "type");
    return this.claimExport(base, `${base}Client`);
  }

  resourceClass(resource: { path: Name[] }): string {
    const base = this.naming.identifier(
      resource.path.flatMap((segment) => segment.words),
      "type",
    );
    return this.claimExport(base, `${base}Resource`);
  }

  /** `client.<property>`: the last dotted segment of the resource, clear of the owning class's members. */
  resourceProperty(segment: Name, inheritedMembers: ReadonlySet<string>): string {
    return clearOf(this.naming.identifier(segment.words, "resource"), inheritedMembers);
  }

  /** A method name, clear of the members the resource class inherits (`client`, `verify`…). */
  method(operation: Operation, inheritedMembers: ReadonlySet<string>): string {
    return clearOf(this.naming.identifier(operation.name.words, "method"), inheritedMembers);
  }

  /** `BotListParams`: singular resource noun + method + Params (openai-node's convention). */
  paramsType(resource: Resource, operation: Operation): string {
    const nouns = resource.path.flatMap((segment) => segment.words);
    const lastIndex = nouns.length - 1;
    const singularNouns = nouns.map((word, index) => (index === lastIndex ? singular(word) : word));
    const base = this.naming.identifier([...singularNouns, ...operation.name.words, "params"], "type");
    return this.claimExport(base);
  }

  /** A flat param key (camelCase) from neutral words. */
  paramKey(words: readonly string[]): string {
    return this.naming.identifier(words, "property");
  }

  /** A module-level type name such as `WebhookEvent`. */
  typeName(words: readonly string[]): string {
    return this.claimExport(this.naming.identifier(words, "type"));
  }
}

/** `request` → `request_` when a base class already has a member of that name. */
function clearOf(name: string, taken: ReadonlySet<string>): string {
  let candidate = name;
  while (taken.has(candidate)) candidate = `${candidate}_`;
  return candidate;
}
