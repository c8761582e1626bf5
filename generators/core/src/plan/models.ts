import type { Model, Property } from "../ir/types";
import { wordsOr } from "../naming/words";
import { WordScope } from "./names";
import type {
  AliasModelPlan,
  EnumModelPlan,
  FieldPlan,
  ModelPlan,
  ModelPlanBase,
  ObjectModelPlan,
  UnionModelPlan,
} from "./types";

/**
 * Every IR model as a plan model. Type names are claimed in `scope` (component schemas first, so their names
 * never change when a hoisted schema is added); field and enum member words are made unique per model.
 */
export function planModels(models: readonly Model[], scope: WordScope): ModelPlan[] {
  const names: string[][] = new Array(models.length);
  const inline: number[] = [];
  for (let position = 0; position < models.length; position++) {
    const model = models[position]!;
    if (model.origin === "component")
      names[position] = scope.claim(nonEmpty(model.name.words, model.name.raw));
    else inline.push(position);
  }
  for (const position of inline) {
    const { name } = models[position]!;
    names[position] = scope.claim(nonEmpty(name.words, name.raw));
  }
  return models.map((model, position) => planModel(model, names[position]!));
}

/**
 * One plan model. Objects are built key by key in the plan's key order (no spread of a shared base: the
 * spread's runtime copy dominated plan time on large specs); word lists and types are the IR's own arrays and
 * objects, shared rather than copied (plan and IR are both read-only once built).
 */
function planModel(model: Model, name: string[]): ModelPlan {
  switch (model.kind) {
    case "object": {
      const plan = base(model, name, "object") as ObjectModelPlan;
      plan.fields = planFields(model.properties);
      if (model.additionalProperties !== undefined) plan.additionalProperties = model.additionalProperties;
      plan.extends = model.extends;
      return plan;
    }
    case "enum": {
      const plan = base(model, name, "enum") as EnumModelPlan;
      plan.valueType = model.valueType;
      const members = new WordScope();
      plan.values = model.values.map((entry) => ({
        value: entry.value,
        name: members.claim(nonEmpty(entry.name.words, String(entry.value), "value")),
      }));
      plan.nullable = model.nullable;
      return plan;
    }
    case "union": {
      const plan = base(model, name, "union") as UnionModelPlan;
      plan.combinator = model.combinator;
      plan.variants = model.variants;
      if (model.discriminator) {
        plan.discriminator = {
          property: model.discriminator.property,
          mapping: model.discriminator.mapping,
        };
      }
      plan.nullable = model.nullable;
      return plan;
    }
    case "alias": {
      const plan = base(model, name, "alias") as AliasModelPlan;
      plan.type = model.type;
      return plan;
    }
  }
}

/** The keys every model kind starts with, in the plan's order (`docs` only when the model has some). */
function base(model: Model, name: string[], kind: ModelPlan["kind"]): ModelPlanBase & { kind: string } {
  const { id, origin, deprecated, description } = model;
  return description
    ? { id, name, origin, docs: description, deprecated, kind }
    : { id, name, origin, deprecated, kind };
}

/** Fields with words unique in the model. */
function planFields(properties: readonly Property[]): FieldPlan[] {
  const scope = new WordScope();
  const fields: FieldPlan[] = new Array(properties.length);
  for (let index = 0; index < properties.length; index++) {
    const property = properties[index]!;
    const field: FieldPlan = {
      name: scope.claim(nonEmpty(property.words, property.name, "field")),
      wireName: property.name,
      type: property.type,
      required: property.required,
      nullable: property.type.nullable === true,
      readOnly: property.readOnly,
      writeOnly: property.writeOnly,
      deprecated: property.deprecated,
    };
    if (property.description !== undefined) field.docs = property.description;
    if (property.default !== undefined) field.default = property.default;
    fields[index] = field;
  }
  return fields;
}

/** The IR's words (shared, not copied), or words made from `raw` when the IR has none. */
function nonEmpty(words: string[], raw: string, fallback = "model"): string[] {
  return words.length > 0 ? words : wordsOr(raw, [fallback]);
}
