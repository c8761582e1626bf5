import { singular } from "../../naming/words";
import type { SpecOperation } from "../context";
import { arrayAt, deref, isObject, type Json, objectAt } from "../json";
import { successContent } from "../operations/responses";
import type { Pagination, Parameter, SuccessResponse } from "../types";
import { PAGINATION_FIELDS, type PaginationField } from "./fields";
import { inferPagination, type QueryParameter } from "./infer";
import { hasType, normaliseKey, responseFields } from "./response-fields";

const STYLES = new Set(["cursor", "offset", "page", "link"]);
/** Descriptor fields whose extension value is a string (all but the style and the numeric start page). */
const STRING_FIELDS = PAGINATION_FIELDS.filter(
  (field): field is Exclude<PaginationField, "style" | "startPage"> =>
    field !== "style" && field !== "startPage",
);

/** `x-embott-pagination` when present, else the style recognised from parameters and response shape. */
export function buildPagination(
  document: Json,
  spec: SpecOperation,
  parameters: Parameter[],
  success: SuccessResponse,
): Pagination | undefined {
  const extension = spec.operation["x-embott-pagination"];
  if (isObject(extension) && STYLES.has(String(extension["style"]))) return fromExtension(extension);
  if (spec.httpMethod !== "get") return undefined;
  const query = new Map<string, QueryParameter>(
    parameters
      .filter((parameter) => parameter.in === "query")
      .map((parameter) => [
        normaliseKey(parameter.name),
        {
          name: parameter.name,
          string: parameter.type.kind === "primitive" && parameter.type.type === "string",
        },
      ]),
  );
  const schema = successSchema(document, spec);
  const fields = responseFields(document, schema);
  const bareArray = hasType(deref(document, schema, "#").node, "array");
  const pathWords = spec.path
    .split("/")
    .filter((segment) => segment && !segment.includes("{"))
    .map((segment) => singular(normaliseKey(segment)));
  const inferred = inferPagination(query, fields, success, bareArray, pathWords);
  if (inferred?.style !== "page" || !inferred.pageParam) return inferred;
  return { ...inferred, startPage: startPageOf(document, spec, inferred.pageParam) };
}

function fromExtension(extension: Json): Pagination {
  const pagination: Pagination = { style: extension["style"] as Pagination["style"], origin: "extension" };
  for (const field of STRING_FIELDS) {
    if (typeof extension[field] === "string") pagination[field] = extension[field];
  }
  if (isPageNumber(extension["startPage"])) pagination.startPage = extension["startPage"];
  return pagination;
}

/** First page number: the page parameter's `default`, else its `minimum`, else 1 (Twilio counts from 0). */
function startPageOf(document: Json, spec: SpecOperation, pageParam: string): number {
  const declared = [...arrayAt(spec.pathItem["parameters"]), ...arrayAt(spec.operation["parameters"])]
    .map((raw) => deref(document, raw, "#").node)
    .filter((parameter) => parameter["in"] === "query" && parameter["name"] === pageParam)
    .at(-1);
  const schema = deref(document, declared?.["schema"], "#").node;
  return [schema["default"], schema["minimum"]].find(isPageNumber) ?? 1;
}

const isPageNumber = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0;

function successSchema(document: Json, spec: SpecOperation): unknown {
  const content = successContent(document, spec) ?? {};
  const json = Object.keys(content).find((mediaType) => mediaType.includes("json"));
  return json ? objectAt(content[json])["schema"] : undefined;
}
