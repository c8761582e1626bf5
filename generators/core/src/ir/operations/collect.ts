import { HTTP_METHODS, type SpecOperation } from "../context";
import { deref, isObject, type Json, objectAt, pointerJoin } from "../json";

/** Every operation of `paths`, in spec order (path items behind a $ref are followed). */
export function collectOperations(document: Json): SpecOperation[] {
  const operations: SpecOperation[] = [];
  for (const [path, rawItem] of Object.entries(objectAt(document["paths"]))) {
    const { node: pathItem, pointer } = deref(document, rawItem, pointerJoin("#/paths", path));
    for (const httpMethod of HTTP_METHODS) {
      const operation = pathItem[httpMethod];
      if (!isObject(operation)) continue;
      operations.push({ path, httpMethod, operation, pathItem, pointer: pointerJoin(pointer, httpMethod) });
    }
  }
  return operations;
}
