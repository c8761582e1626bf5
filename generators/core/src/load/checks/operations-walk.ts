import { arrayAt, deref, isObject, type Json, objectAt, pointerJoin } from "../../ir/json";

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

/** One operation of `paths` with its location and its parameters (path item's merged in, $refs followed). */
export interface WalkedOperation {
  path: string;
  method: string;
  operation: Json;
  pointer: string;
  parameters: WalkedParameter[];
}

/** A parameter (its $ref followed) and the list slot that holds it, so a check can repair it in place. */
export interface WalkedParameter {
  parameter: Json;
  pointer: string;
  slot: { list: unknown[]; index: number; pointer: string };
}

export function walkOperations(document: Json): WalkedOperation[] {
  const operations: WalkedOperation[] = [];
  for (const [path, rawItem] of Object.entries(objectAt(document["paths"]))) {
    const { node: item, pointer: itemPointer } = deref(document, rawItem, pointerJoin("#/paths", path));
    const shared = parametersOf(document, item, itemPointer);
    for (const method of METHODS) {
      const operation = item[method];
      if (!isObject(operation)) continue;
      const pointer = pointerJoin(itemPointer, method);
      const own = parametersOf(document, operation, pointer);
      const byKey = new Map<string, WalkedParameter>();
      for (const entry of [...shared, ...own])
        byKey.set(`${entry.parameter["in"]}:${entry.parameter["name"]}`, entry);
      operations.push({ path, method, operation, pointer, parameters: [...byKey.values()] });
    }
  }
  return operations;
}

function parametersOf(document: Json, owner: Json, pointer: string): WalkedParameter[] {
  const list = arrayAt(owner["parameters"]);
  return list.map((raw, index) => {
    const slotPointer = pointerJoin(pointer, "parameters", index);
    const { node, pointer: at } = deref(document, raw, slotPointer);
    return { parameter: node, pointer: at, slot: { list, index, pointer: slotPointer } };
  });
}
