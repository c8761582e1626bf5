import {
  type IR,
  type Operation,
  PAGINATION_FIELDS,
  type Pagination,
  type TypeRef,
} from "@embott/codegen-core";
import { objectLiteral, quote } from "../printer";
import { fieldPathType, type TypesModule } from "./types-module";

/** `{ style: "cursor", items: "data", … }`: the pager config literal of `requestPage`. */
export function paginationLiteral(pagination: Pagination): string {
  const entries: [string, string][] = [];
  for (const field of PAGINATION_FIELDS) {
    const value = pagination[field];
    if (value !== undefined) entries.push([field, typeof value === "number" ? String(value) : quote(value)]);
  }
  return objectLiteral(entries);
}

/**
 * The type of one page item: the named model when the `items` field is an array of one (`Types.Bot`), else the
 * element type of the response's `items` field (or of a bare array) as an indexed access type.
 */
export function pageItemType(ir: IR, operation: Operation, types: TypesModule): string {
  const named = namedItemModel(ir, operation);
  const namedType = named ? types.modelType(named) : undefined;
  if (namedType) return namedType;
  const response = types.chosenResponseType(operation);
  if (!response || !operation.pagination) return "unknown";
  return `NonNullable<${fieldPathType(response, operation.pagination.items)}>[number]`;
}

function namedItemModel(ir: IR, operation: Operation): string | undefined {
  const items = operation.pagination?.items;
  let type: TypeRef | undefined = operation.response.type;
  for (const segment of items ? items.split(".") : []) {
    const id = type?.kind === "ref" ? type.id : undefined;
    const model = ir.models.find((candidate) => candidate.id === id);
    type =
      model?.kind === "object"
        ? model.properties.find((property) => property.name === segment)?.type
        : undefined;
  }
  return type?.kind === "array" && type.items.kind === "ref" && !type.items.nullable
    ? type.items.id
    : undefined;
}
