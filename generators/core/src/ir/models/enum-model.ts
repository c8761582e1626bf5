import { wordsOr } from "../../naming/words";
import type { Json } from "../json";
import type { EnumModel, ModelBase, PrimitiveType } from "../types";

/** An `enum` schema; a `null` value becomes `nullable`, `x-enum-varnames` names members when present. */
export function enumModel(schema: Json, base: ModelBase): EnumModel {
  const raw = Array.isArray(schema["enum"]) ? schema["enum"] : [];
  const varNames = Array.isArray(schema["x-enum-varnames"]) ? schema["x-enum-varnames"] : [];
  const values: EnumModel["values"] = [];
  raw.forEach((value, index) => {
    if (typeof value !== "string" && typeof value !== "number" && typeof value !== "boolean") return;
    const label = typeof varNames[index] === "string" ? varNames[index] : String(value);
    values.push({ value, name: { raw: label, words: wordsOr(label, ["value", String(index + 1)]) } });
  });
  return {
    ...base,
    kind: "enum",
    valueType: valueTypeOf(schema, values),
    values,
    nullable: raw.includes(null),
  };
}

function valueTypeOf(schema: Json, values: EnumModel["values"]): PrimitiveType {
  const declared = Array.isArray(schema["type"]) ? schema["type"] : [schema["type"]];
  for (const type of declared) {
    if (type === "string" || type === "integer" || type === "number" || type === "boolean") return type;
  }
  const first = values[0]?.value;
  if (typeof first === "number") return Number.isInteger(first) ? "integer" : "number";
  return typeof first === "boolean" ? "boolean" : "string";
}
