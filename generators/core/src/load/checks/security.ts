import { arrayAt, isObject, type Json, objectAt } from "../../ir/json";
import type { Locator } from "../locate";
import type { Problem } from "../problem";
import type { WalkedOperation } from "./operations-walk";

/** A security requirement naming a scheme `components.securitySchemes` does not declare: no SDK could send it. */
export function checkSecurity(document: Json, operations: WalkedOperation[], locator: Locator): Problem[] {
  const declared = new Set(Object.keys(objectAt(objectAt(document["components"])["securitySchemes"])));
  const owners = [
    { owner: document, pointer: "#" },
    ...operations.map((entry) => ({ owner: entry.operation, pointer: entry.pointer })),
  ];
  const problems: Problem[] = [];
  for (const { owner, pointer } of owners) {
    arrayAt(owner["security"]).forEach((requirement, index) => {
      if (!isObject(requirement)) return;
      for (const id of Object.keys(requirement)) {
        if (declared.has(id)) continue;
        const known = [...declared].join(", ") || "none";
        const message = `security requirement names the scheme "${id}", which components.securitySchemes does not declare (declared: ${known})`;
        problems.push(
          locator.problem("error", `${pointer}/security/${index}/${id}`, message, "security-defined"),
        );
      }
    });
  }
  return problems;
}
