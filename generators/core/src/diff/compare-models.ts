import { pascalCase } from "../naming/casing";
import { type Collector, match, sameType, sameWords } from "./collector";
import { type DiffLanguage, fieldKey, typeKey } from "./languages";
import type { SurfaceModel, SurfaceProperty, SurfaceType } from "./surface";
import { describeType, type Position, staticBreak } from "./types-compare";

export function compareModels(
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
      compareVariants(
        collector,
        path,
        old.shape.variants.map((variant) => collector.renamed(variant)),
        now.shape.variants,
        position,
      );
      nullability(collector, path, old.shape.nullable, now.shape.nullable, position);
    } else if (old.shape.kind === "alias" && now.shape.kind === "alias")
      collector.types(path, `type ${typeName(now)}`, old.shape.type, now.shape.type, position);
  }
}

/**
 * Union members, matched by their described type; a scalar member whose format alone changed (the only one of
 * its scalar type on each side) is compared as a type, so each language reads it from its printed type.
 */
function compareVariants(
  collector: Collector,
  path: string,
  before: SurfaceType[],
  after: SurfaceType[],
  position: Position,
): void {
  const described = new Set(after.map(describeType));
  const previous = new Set(before.map(describeType));
  const removed = before.filter((variant) => !described.has(describeType(variant)));
  const added = after.filter((variant) => !previous.has(describeType(variant)));
  const scalar = (variants: SurfaceType[], type: string) =>
    variants.filter((variant) => variant.kind === "primitive" && variant.type === type);
  for (const old of [...removed]) {
    if (old.kind !== "primitive") continue;
    const [now, ...more] = scalar(added, old.type);
    if (!now || more.length > 0 || scalar(removed, old.type).length > 1) continue;
    collector.types(path, `union member ${old.type}`, old, now, position);
    removed.splice(removed.indexOf(old), 1);
    added.splice(added.indexOf(now), 1);
  }
  for (const variant of removed)
    collector.add(
      path,
      `union member ${describeType(variant)} removed`,
      position.input ? "breaking" : "none",
    );
  for (const variant of added) collector.add(path, `union member ${describeType(variant)} added`, "additive");
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
