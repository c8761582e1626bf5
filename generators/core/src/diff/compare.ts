import { pascalCase } from "../naming/casing";
import { type DiffLanguage, fieldKey, methodKey, paramKey, typeKey } from "./languages";
import { positionsOf } from "./positions";
import type { Change, DiffReport, Level } from "./report";
import type {
  ApiSurface,
  SurfaceAuth,
  SurfaceMethod,
  SurfaceModel,
  SurfaceParam,
  SurfaceProperty,
  SurfaceType,
  SurfaceWebhook,
} from "./surface";
import { compareTypes, describeType, type LevelRule, type Position, staticBreak } from "./types-compare";

/** Compare two surfaces and classify every change for each language. */
export function compareSurfaces(
  base: ApiSurface,
  head: ApiSurface,
  languages: readonly DiffLanguage[],
  labels: { base: string; head: string } = { base: base.source.file, head: head.source.file },
): DiffReport {
  const models = match(base.models, head.models, (model) => model.key, sameShape);
  const collector = new Collector(languages, new Map(models.renamed.map(([old, now]) => [old.key, now.key])));
  const positions = positionsOf(base, head);
  compareAuth(collector, base.auth, head.auth);
  compareMethods(collector, base.methods, head.methods);
  compareModels(collector, models, positions);
  compareWebhooks(collector, base.webhooks, head.webhooks);
  return {
    base: labels.base,
    head: labels.head,
    languages: languages.map((language) => language.language),
    changes: collector.changes.sort((a, b) => a.path.localeCompare(b.path)),
  };
}

/** Accumulates changes, evaluating each level rule once per language. */
class Collector {
  readonly changes: Change[] = [];

  constructor(
    private readonly languages: readonly DiffLanguage[],
    /** Old model key → new key, for models renamed with the same shape: refs to them compare equal. */
    private readonly renamedModels: ReadonlyMap<string, string>,
  ) {}

  /** `type` with refs to renamed models pointing at their new names. */
  renamed(type: SurfaceType): SurfaceType {
    if (type.kind === "ref") return { ...type, id: this.renamedModels.get(type.id) ?? type.id };
    if (type.kind === "array") return { ...type, items: this.renamed(type.items) };
    if (type.kind === "map") return { ...type, values: this.renamed(type.values) };
    return type;
  }

  add(path: string, reason: string, rule: LevelRule, detail?: (language: DiffLanguage) => string): void {
    const levels: Record<string, Level> = {};
    for (const language of this.languages)
      levels[language.language] = typeof rule === "function" ? rule(language) : rule;
    const change: Change = { path, reason, levels };
    if (detail) change.detail = Object.fromEntries(this.languages.map((l) => [l.language, detail(l)]));
    this.changes.push(change);
  }

  /** A rename: breaking only in the languages where the caller-facing name changes. */
  rename<T>(
    path: string,
    reason: string,
    before: T,
    after: T,
    key: (language: DiffLanguage, item: T) => string,
  ) {
    this.add(
      path,
      reason,
      (language) => (key(language, before) === key(language, after) ? "none" : "breaking"),
      (language) => {
        const from = key(language, before);
        const to = key(language, after);
        return from === to ? `${from} (unchanged)` : `${from} → ${to}`;
      },
    );
  }

  types(path: string, subject: string, before: SurfaceType, after: SurfaceType, position: Position): void {
    for (const finding of compareTypes(this.renamed(before), after, position))
      this.add(path, `${subject}: ${finding.reason}`, finding.level);
  }

  docs(path: string, subject: string, before: { docs?: string; deprecated: boolean }, after: typeof before) {
    if (before.docs !== after.docs) this.add(path, `${subject}: docs changed`, "none");
    if (!before.deprecated && after.deprecated) this.add(path, `${subject}: deprecated`, "none");
    if (before.deprecated && !after.deprecated) this.add(path, `${subject}: no longer deprecated`, "none");
  }
}

/** Pair items by key, then pair leftovers with `similar` (renames); the rest were removed or added. */
function match<T>(
  before: readonly T[],
  after: readonly T[],
  key: (item: T) => string,
  similar: (a: T, b: T) => boolean,
): { pairs: [T, T][]; renamed: [T, T][]; removed: T[]; added: T[] } {
  const afterByKey = new Map(after.map((item) => [key(item), item]));
  const pairs: [T, T][] = [];
  const removed: T[] = [];
  for (const item of before) {
    const counterpart = afterByKey.get(key(item));
    if (counterpart === undefined) removed.push(item);
    else {
      pairs.push([item, counterpart]);
      afterByKey.delete(key(item));
    }
  }
  const added = [...afterByKey.values()];
  const renamed: [T, T][] = [];
  for (const item of [...removed]) {
    const candidates = added.filter((candidate) => similar(item, candidate));
    if (candidates.length !== 1) continue;
    renamed.push([item, candidates[0]!]);
    removed.splice(removed.indexOf(item), 1);
    added.splice(added.indexOf(candidates[0]!), 1);
  }
  return { pairs, renamed, removed, added };
}

const sameType = (a: SurfaceType, b: SurfaceType): boolean => JSON.stringify(a) === JSON.stringify(b);
const withoutDocs = (key: string, value: unknown) => (key === "docs" ? undefined : value);
const sameShape = (a: SurfaceModel, b: SurfaceModel): boolean =>
  JSON.stringify(a.shape, withoutDocs) === JSON.stringify(b.shape, withoutDocs);
const sameWords = (a: readonly string[], b: readonly string[]): boolean => a.join(" ") === b.join(" ");

function compareAuth(collector: Collector, before: SurfaceAuth[], after: SurfaceAuth[]): void {
  const describe = (scheme: SurfaceAuth) =>
    [scheme.kind, scheme.in ? `in ${scheme.in}` : "", scheme.name ?? ""].filter(Boolean).join(" ");
  const { pairs, removed, added } = match(
    before,
    after,
    (scheme) => scheme.id,
    () => false,
  );
  for (const scheme of removed)
    collector.add(`auth/${scheme.id}`, `auth scheme ${scheme.id} (${describe(scheme)}) removed`, "breaking");
  for (const scheme of added)
    collector.add(`auth/${scheme.id}`, `auth scheme ${scheme.id} (${describe(scheme)}) added`, "additive");
  for (const [old, now] of pairs)
    if (describe(old) !== describe(now))
      collector.add(`auth/${now.id}`, `auth ${now.id}: ${describe(old)} → ${describe(now)}`, "breaking");
}

const resourceOf = (method: SurfaceMethod): string =>
  method.resource.map((segment) => segment.join("_")).join(".");

function compareMethods(collector: Collector, before: SurfaceMethod[], after: SurfaceMethod[]): void {
  const { pairs, renamed, removed, added } = match(
    before,
    after,
    (method) => method.id,
    (a, b) => a.endpoint === b.endpoint && a.kind === b.kind,
  );
  const resourcesBefore = new Set(before.map(resourceOf));
  const resourcesAfter = new Set(after.map(resourceOf));
  const kept = (resources: Set<string>, side: 0 | 1) => (resource: string) =>
    resources.has(resource) || renamed.some((pair) => resourceOf(pair[side]) === resource);
  methodsGoneOrNew(collector, removed, kept(resourcesAfter, 0), "removed", "breaking");
  methodsGoneOrNew(collector, added, kept(resourcesBefore, 1), "added", "additive");
  for (const [old, now] of renamed) {
    collector.rename(`methods/${now.id}`, `method ${old.id} renamed to ${now.id}`, old, now, methodKey);
    compareMethod(collector, old, now);
  }
  for (const [old, now] of pairs) compareMethod(collector, old, now);
}

/** Methods removed (or added); a whole resource gone (or new) is one change naming its method count. */
function methodsGoneOrNew(
  collector: Collector,
  methods: SurfaceMethod[],
  resourceKept: (resource: string) => boolean,
  verb: "removed" | "added",
  level: Level,
): void {
  const reported = new Set<string>();
  for (const method of methods) {
    const resource = resourceOf(method);
    if (resourceKept(resource)) {
      collector.add(`methods/${method.id}`, `method ${method.id} ${verb}`, level, (language) =>
        methodKey(language, method),
      );
    } else if (!reported.has(resource)) {
      reported.add(resource);
      const count = methods.filter((other) => resourceOf(other) === resource).length;
      collector.add(
        `resources/${resource}`,
        `resource ${resource} ${verb} (${count} method${count === 1 ? "" : "s"})`,
        level,
        (language) => methodKey(language, method).split(".").slice(0, -1).join("."),
      );
    }
  }
}

const RETURN_KINDS: Record<SurfaceMethod["kind"], string> = {
  plain: "a value",
  page: "a page iterator",
  stream: "an event stream",
};

function compareMethod(collector: Collector, old: SurfaceMethod, now: SurfaceMethod): void {
  const path = `methods/${now.id}`;
  const output: Position = { input: false, output: true };
  if (old.kind !== now.kind)
    collector.add(
      path,
      `now returns ${RETURN_KINDS[now.kind]} instead of ${RETURN_KINDS[old.kind]}`,
      "breaking",
    );
  else if (old.pagination !== now.pagination)
    collector.add(
      path,
      `paging style ${old.pagination} → ${now.pagination} (the iterator is unchanged)`,
      "none",
    );
  if (old.kind !== now.kind) {
    // the return type's change is the kind change above
  } else if (old.returnsRaw !== now.returnsRaw)
    collector.add(
      path,
      `returns ${now.returnsRaw ?? "JSON"} instead of ${old.returnsRaw ?? "JSON"}`,
      "breaking",
    );
  else if (old.returns && now.returns) collector.types(path, "return", old.returns, now.returns, output);
  else if (old.returns && !now.returns) collector.add(path, "no longer returns a value", "breaking");
  else if (!old.returns && now.returns) collector.add(path, "now returns a value", "additive");
  compareMethodAuth(collector, path, old.auth, now.auth);
  collector.docs(path, "method", old, now);
  compareParams(collector, path, old.params, now.params);
}

function compareMethodAuth(collector: Collector, path: string, old: string[], now: string[]): void {
  if (old.join(",") === now.join(",")) return;
  const list = (ids: string[]) => (ids.length === 0 ? "none" : ids.join(", "));
  const reason = `auth ${list(old)} → ${list(now)}`;
  if (old.length === 0) collector.add(path, `now requires auth (${list(now)})`, "breaking");
  else if (now.length === 0) collector.add(path, "no longer requires auth", "additive");
  else if (old.some((id) => !now.includes(id))) collector.add(path, reason, "breaking");
  else collector.add(path, reason, "additive");
}

function compareParams(
  collector: Collector,
  methodPath: string,
  before: SurfaceParam[],
  after: SurfaceParam[],
): void {
  const input: Position = { input: true, output: false };
  const located = match(
    before,
    after,
    (param) => `${param.location} ${param.wire}`,
    () => false,
  );
  const { pairs, renamed, removed, added } = match(
    located.removed,
    located.added,
    (param) => param.wire,
    (a, b) => sameWords(a.words, b.words) || (a.location === b.location && sameType(a.type, b.type)),
  );
  const paramPath = (param: SurfaceParam) => `${methodPath}/params/${param.wire}`;
  const key = (language: DiffLanguage, param: SurfaceParam) => paramKey(language, param);
  for (const param of removed)
    collector.add(paramPath(param), `param ${param.wire} removed`, "breaking", (l) => key(l, param));
  for (const param of added)
    collector.add(
      paramPath(param),
      param.required ? `required param ${param.wire} added` : `optional param ${param.wire} added`,
      param.required ? "breaking" : "additive",
      (l) => key(l, param),
    );
  for (const [old, now] of renamed)
    collector.rename(paramPath(now), `param ${old.wire} renamed to ${now.wire}`, old, now, key);
  const kept = [...located.pairs, ...pairs, ...renamed];
  pathOrder(collector, methodPath, before, after, kept);
  for (const [old, now] of kept) {
    const path = paramPath(now);
    const subject = `param ${now.wire}`;
    if (old.location !== now.location)
      collector.add(path, `${subject}: sent in ${now.location} instead of ${old.location}`, "none");
    if (!old.required && now.required) collector.add(path, `${subject}: now required`, "breaking");
    if (old.required && !now.required) collector.add(path, `${subject}: now optional`, "additive");
    collector.types(path, subject, old.type, now.type, input);
    collector.docs(path, subject, old, now);
  }
}

/** Path params kept on both sides but in another order: breaks the languages that take them positionally. */
function pathOrder(
  collector: Collector,
  methodPath: string,
  before: SurfaceParam[],
  after: SurfaceParam[],
  kept: [SurfaceParam, SurfaceParam][],
): void {
  const counterpart = new Map(kept.map(([old, now]) => [old, now]));
  const previous = before.filter(
    (param) => param.location === "path" && counterpart.get(param)?.location === "path",
  );
  const moved = previous.map((param) => counterpart.get(param)!);
  const current = after.filter((param) => moved.includes(param));
  if (current.every((param, index) => param === moved[index])) return;
  const names = (params: SurfaceParam[]) => params.map((param) => param.wire).join(", ");
  collector.add(
    methodPath,
    `path params reordered: (${names(previous)}) → (${names(current)})`,
    (language) => (language.exposure.positionalPath ? "breaking" : "none"),
  );
}

function compareModels(
  collector: Collector,
  { pairs, renamed, removed, added }: ReturnType<typeof match<SurfaceModel>>,
  positions: Map<string, Position>,
): void {
  const typeName = (model: SurfaceModel) => pascalCase(model.name);
  // A model no method or event reaches (a flattened request body, an unused schema) is compared as params
  // already, or not at all: its changes are listed as `none`.
  const unused = " (not used by any method or event)";
  for (const model of removed) {
    const used = positions.has(model.key);
    const reason = `type ${typeName(model)} removed${used ? "" : unused}`;
    collector.add(`models/${typeName(model)}`, reason, used ? "breaking" : "none");
  }
  for (const model of added) {
    const used = positions.has(model.key);
    const reason = `type ${typeName(model)} added${used ? "" : unused}`;
    collector.add(`models/${typeName(model)}`, reason, used ? "additive" : "none");
  }
  for (const [old, now] of renamed) {
    const reason = `type ${typeName(old)} renamed to ${typeName(now)}`;
    if (positions.has(now.key))
      collector.rename(`models/${typeName(now)}`, reason, old.name, now.name, typeKey);
    else collector.add(`models/${typeName(now)}`, `${reason}${unused}`, "none");
  }
  for (const [old, now] of [...pairs, ...renamed]) {
    const path = `models/${typeName(now)}`;
    const position = positions.get(now.key);
    if (!position) continue;
    collector.docs(path, `type ${typeName(now)}`, old, now);
    if (old.shape.kind !== now.shape.kind) {
      collector.add(path, `type ${typeName(now)}: ${old.shape.kind} → ${now.shape.kind}`, "breaking");
      continue;
    }
    if (old.shape.kind === "object" && now.shape.kind === "object")
      compareProperties(collector, path, old.shape.properties, now.shape.properties, position);
    else if (old.shape.kind === "enum" && now.shape.kind === "enum") {
      const values = now.shape.values;
      const previous = old.shape.values;
      for (const value of previous.filter((entry) => !values.includes(entry)))
        collector.add(`${path}/values/${value}`, `enum value ${JSON.stringify(value)} removed`, "breaking");
      for (const value of values.filter((entry) => !previous.includes(entry)))
        collector.add(`${path}/values/${value}`, `enum value ${JSON.stringify(value)} added`, "additive");
      nullability(collector, path, old.shape.nullable, now.shape.nullable, position);
    } else if (old.shape.kind === "union" && now.shape.kind === "union") {
      const variants = now.shape.variants.map(describeType);
      const previous = old.shape.variants.map((variant) => describeType(collector.renamed(variant)));
      for (const variant of previous.filter((entry) => !variants.includes(entry)))
        collector.add(path, `union member ${variant} removed`, position.input ? "breaking" : "none");
      for (const variant of variants.filter((entry) => !previous.includes(entry)))
        collector.add(path, `union member ${variant} added`, "additive");
      nullability(collector, path, old.shape.nullable, now.shape.nullable, position);
    } else if (old.shape.kind === "alias" && now.shape.kind === "alias")
      collector.types(path, `type ${typeName(now)}`, old.shape.type, now.shape.type, position);
  }
}

function nullability(
  collector: Collector,
  path: string,
  old: boolean,
  now: boolean,
  position: Position,
): void {
  if (old === now) return;
  const before: SurfaceType = { kind: "unknown", ...(old ? { nullable: true as const } : {}) };
  const after: SurfaceType = { kind: "unknown", ...(now ? { nullable: true as const } : {}) };
  collector.types(path, "value", before, after, position);
}

function compareProperties(
  collector: Collector,
  modelPath: string,
  before: SurfaceProperty[],
  after: SurfaceProperty[],
  modelPosition: Position,
): void {
  const positionOf = (property: SurfaceProperty): Position => ({
    input: modelPosition.input && property.only !== "read",
    output: modelPosition.output && property.only !== "write",
  });
  const { pairs, renamed, removed, added } = match(
    before,
    after,
    (property) => property.wire,
    (a, b) => sameWords(a.words, b.words) || (a.required === b.required && sameType(a.type, b.type)),
  );
  const path = (property: SurfaceProperty) => `${modelPath}/properties/${property.wire}`;
  const key = (language: DiffLanguage, property: SurfaceProperty) =>
    fieldKey(language, property, !positionOf(property).output);
  for (const property of removed)
    collector.add(path(property), `field ${property.wire} removed`, "breaking", (l) => key(l, property));
  for (const property of added) {
    const requiredInput = property.required && positionOf(property).input;
    collector.add(
      path(property),
      `${property.required ? "required" : "optional"} field ${property.wire} added`,
      requiredInput ? "breaking" : "additive",
      (l) => key(l, property),
    );
  }
  for (const [old, now] of renamed)
    collector.rename(path(now), `field ${old.wire} renamed to ${now.wire}`, old, now, key);
  for (const [old, now] of [...pairs, ...renamed]) {
    const position = positionOf(now);
    const subject = `field ${now.wire}`;
    if (!old.required && now.required)
      collector.add(path(now), `${subject}: now required`, position.input ? "breaking" : "none");
    if (old.required && !now.required)
      collector.add(
        path(now),
        `${subject}: now optional`,
        position.output ? staticBreak : position.input ? "additive" : "none",
      );
    collector.types(path(now), subject, old.type, now.type, position);
    collector.docs(path(now), subject, old, now);
  }
}

function compareWebhooks(collector: Collector, before: SurfaceWebhook[], after: SurfaceWebhook[]): void {
  const { pairs, removed, added } = match(
    before,
    after,
    (event) => event.type,
    () => false,
  );
  const output: Position = { input: false, output: true };
  for (const event of removed)
    collector.add(`webhooks/${event.type}`, `webhook event ${event.type} removed`, "breaking");
  for (const event of added)
    collector.add(`webhooks/${event.type}`, `webhook event ${event.type} added`, "additive");
  for (const [old, now] of pairs) {
    const path = `webhooks/${now.type}`;
    if (old.payload && now.payload) collector.types(path, "payload", old.payload, now.payload, output);
    else if (old.payload && !now.payload) collector.add(path, "payload no longer typed", "breaking");
    else if (!old.payload && now.payload) collector.add(path, "payload now typed", "additive");
    collector.docs(path, `event ${now.type}`, old, now);
  }
}
