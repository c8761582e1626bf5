import { wordsOr } from "../../naming/words";
import type { BuildContext, SpecOperation } from "../context";
import { arrayAt, deref, type Json, objectAt, pointerJoin, stringAt } from "../json";
import type { Parameter } from "../types";

const LOCATIONS = new Set(["path", "query", "header", "cookie"]);

/** Path-item parameters merged with the operation's (the operation wins on the same name + location). */
export function buildParameters(
  context: BuildContext,
  spec: SpecOperation,
  methodWords: string[],
): Parameter[] {
  const byKey = new Map<string, { parameter: Json; pointer: string }>();
  const add = (list: unknown, base: string) =>
    arrayAt(list).forEach((raw, index) => {
      const { node, pointer } = deref(context.document, raw, pointerJoin(base, "parameters", index));
      if (LOCATIONS.has(String(node["in"])) && typeof node["name"] === "string") {
        byKey.set(`${node["in"]}:${node["name"]}`, { parameter: node, pointer });
      }
    });
  add(spec.pathItem["parameters"], spec.pointer.slice(0, spec.pointer.lastIndexOf("/")));
  add(spec.operation["parameters"], spec.pointer);
  return [...byKey.values()].map(({ parameter, pointer }) =>
    buildParameter(context, parameter, pointer, methodWords),
  );
}

function buildParameter(
  context: BuildContext,
  parameter: Json,
  pointer: string,
  methodWords: string[],
): Parameter {
  const name = String(parameter["name"]);
  const location = parameter["in"] as Parameter["in"];
  const words = wordsOr(name, ["param"]);
  const { schema, schemaPointer } = parameterSchema(parameter, pointer);
  const style =
    stringAt(parameter["style"]) ?? (location === "query" || location === "cookie" ? "form" : "simple");
  const description = stringAt(parameter["description"]);
  return {
    name,
    words,
    in: location,
    required: location === "path" || parameter["required"] === true,
    type: context.models.typeOf(
      schema,
      schemaPointer,
      context.models.childHint(schema, [...methodWords, ...words]),
    ),
    style,
    explode: typeof parameter["explode"] === "boolean" ? parameter["explode"] : style === "form",
    ...(parameter["allowReserved"] === true ? { allowReserved: true as const } : {}),
    ...defaultOf(deref(context.document, schema, schemaPointer).node),
    deprecated: parameter["deprecated"] === true,
    ...(description ? { description } : {}),
  };
}

/** `schema`, or the schema of the single `content` entry some parameters use instead. */
function parameterSchema(parameter: Json, pointer: string): { schema: unknown; schemaPointer: string } {
  if ("schema" in parameter)
    return { schema: parameter["schema"], schemaPointer: pointerJoin(pointer, "schema") };
  const [mediaType, media] = Object.entries(objectAt(parameter["content"]))[0] ?? [];
  if (!mediaType) return { schema: undefined, schemaPointer: pointer };
  return {
    schema: objectAt(media)["schema"],
    schemaPointer: pointerJoin(pointer, "content", mediaType, "schema"),
  };
}

function defaultOf(schema: Json): { default?: unknown } {
  return "default" in schema ? { default: schema["default"] } : {};
}
