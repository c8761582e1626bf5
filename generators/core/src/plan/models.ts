import type { Model } from "../ir/types";
import { wordsOr } from "../naming/words";
import { WordScope } from "./names";
import type { FieldPlan, ModelPlan } from "./types";

/**
 * Every IR model as a plan model. Type names are claimed in `scope` (component schemas first, so their names
 * never change when a hoisted schema is added); field and enum member words are made unique per model.
 */
export function planModels(models: readonly Model[], scope: WordScope): ModelPlan[] {
  const names = new Map<string, string[]>();
  for (const origin of ["component", "inline"] as const) {
    for (const model of models) {
      if (model.origin === origin)
        names.set(model.id, scope.claim(nonEmpty(model.name.words, model.name.raw)));
    }
  }
  return models.map((model) => planModel(model, names.get(model.id)!));
}

function planModel(model: Model, name: string[]): ModelPlan {
  const base = {
    id: model.id,
    name,
    origin: model.origin,
    ...(model.description ? { docs: model.description } : {}),
    deprecated: model.deprecated,
  };
  switch (model.kind) {
    case "object": {
      const fields = new WordScope();
      return {
        ...base,
        kind: "object",
        fields: model.properties.map((property) => {
          const field: FieldPlan = {
            name: fields.claim(nonEmpty(property.words, property.name, "field")),
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
          return field;
        }),
        ...(model.additionalProperties !== undefined
          ? { additionalProperties: model.additionalProperties }
          : {}),
        extends: model.extends,
      };
    }
    case "enum": {
      const members = new WordScope();
      return {
        ...base,
        kind: "enum",
        valueType: model.valueType,
        values: model.values.map((entry) => ({
          value: entry.value,
          name: members.claim(nonEmpty(entry.name.words, String(entry.value), "value")),
        })),
        nullable: model.nullable,
      };
    }
    case "union":
      return {
        ...base,
        kind: "union",
        combinator: model.combinator,
        variants: model.variants,
        ...(model.discriminator
          ? {
              discriminator: {
                property: model.discriminator.property,
                mapping: model.discriminator.mapping,
              },
            }
          : {}),
        nullable: model.nullable,
      };
    case "alias":
      return { ...base, kind: "alias", type: model.type };
  }
}

function nonEmpty(words: readonly string[], raw: string, fallback = "model"): string[] {
  return words.length > 0 ? [...words] : wordsOr(raw, [fallback]);
}
