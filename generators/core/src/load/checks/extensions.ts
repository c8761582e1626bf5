import { isObject, type Json, objectAt, resolvePointer } from "../../ir/json";
import { validateJson } from "../extensions/json-schema";
import { OPERATION_EXTENSIONS, ROOT_EXTENSIONS } from "../extensions/schemas";
import type { Locator } from "../locate";
import type { Problem } from "../problem";
import type { WalkedOperation } from "./operations-walk";

const RULE = "embott-extension";
/** Pagination fields that name a query parameter of the operation. */
const PARAMETER_FIELDS = ["cursorParam", "offsetParam", "pageParam", "limitParam"] as const;

/**
 * Every `x-embott-*` value checked against its JSON Schema (`../extensions/schemas.ts`): an unknown pagination
 * style, signature scheme, encoding or algorithm is an error, never a silent fallback. Pagination parameters must
 * be query parameters of the operation and `x-embott-streaming.events` must resolve. An `x-embott-*` key the
 * generator does not know is a warning.
 */
export function checkExtensions(document: Json, operations: WalkedOperation[], locator: Locator): Problem[] {
  const problems = checkOwner(document, "#", ROOT_EXTENSIONS, locator);
  for (const entry of operations) {
    problems.push(...checkOwner(entry.operation, entry.pointer, OPERATION_EXTENSIONS, locator));
    problems.push(...paginationParameters(entry, locator));
    problems.push(...streamingEvents(document, entry, locator));
  }
  return problems;
}

function checkOwner(
  owner: Json,
  pointer: string,
  known: Record<string, Parameters<typeof validateJson>[0]>,
  locator: Locator,
): Problem[] {
  const problems: Problem[] = [];
  for (const [key, value] of Object.entries(owner)) {
    if (!key.startsWith("x-embott-")) continue;
    const at = `${pointer}/${key}`;
    const schema = known[key];
    if (!schema) {
      const message = `unknown extension ${key} here (known: ${Object.keys(known).join(", ")}); it is ignored`;
      problems.push(locator.problem("warning", at, message, RULE));
      continue;
    }
    for (const violation of validateJson(schema, value))
      problems.push(locator.problem("error", `${at}${violation.path}`, `${key}: ${violation.message}`, RULE));
  }
  return problems;
}

function paginationParameters(entry: WalkedOperation, locator: Locator): Problem[] {
  const extension = entry.operation["x-embott-pagination"];
  if (!isObject(extension)) return [];
  const queryNames = entry.parameters
    .filter(({ parameter }) => parameter["in"] === "query")
    .map(({ parameter }) => String(parameter["name"]));
  return PARAMETER_FIELDS.filter(
    (name) => typeof extension[name] === "string" && !queryNames.includes(extension[name] as string),
  ).map((name) =>
    locator.problem(
      "error",
      `${entry.pointer}/x-embott-pagination/${name}`,
      `x-embott-pagination: ${name} "${String(extension[name])}" is not a query parameter of this operation (query parameters: ${queryNames.join(", ") || "none"})`,
      RULE,
    ),
  );
}

function streamingEvents(document: Json, entry: WalkedOperation, locator: Locator): Problem[] {
  const events = objectAt(entry.operation["x-embott-streaming"])["events"];
  if (
    typeof events !== "string" ||
    !events.startsWith("#/") ||
    resolvePointer(document, events) !== undefined
  )
    return [];
  const message = `x-embott-streaming: events "${events}" does not resolve to a schema in this document`;
  return [locator.problem("error", `${entry.pointer}/x-embott-streaming/events`, message, RULE)];
}
