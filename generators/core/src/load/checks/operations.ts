import type { Locator } from "../locate";
import type { Problem } from "../problem";
import type { WalkedOperation } from "./operations-walk";

/**
 * What `generate` cannot turn into a correct SDK although the structure is valid: two operations with the same
 * `operationId` (one would silently become `get2`), and a `{placeholder}` in a path that no parameter of that
 * name declares (the SDK could not fill it). When a query/header parameter has the placeholder's name (Intercom's
 * `job_identifier` declared `in: query`), it is moved to the path with a warning: that is the only reading under
 * which the request can succeed. A declared path parameter the path never uses is only a warning.
 */
export function checkOperations(operations: WalkedOperation[], locator: Locator): Problem[] {
  const problems: Problem[] = [];
  const firstUse = new Map<string, WalkedOperation>();
  for (const entry of operations) {
    const operationId = entry.operation["operationId"];
    if (typeof operationId === "string") {
      const first = firstUse.get(operationId);
      if (first) {
        const message = `duplicate operationId "${operationId}": also used by ${label(first)} (${first.pointer}); operationIds must be unique`;
        problems.push(
          locator.problem("error", `${entry.pointer}/operationId`, message, "operation-id-unique"),
        );
      } else firstUse.set(operationId, entry);
    }
    problems.push(...placeholderProblems(entry, locator));
  }
  return problems;
}

function placeholderProblems(entry: WalkedOperation, locator: Locator): Problem[] {
  const placeholders = [...entry.path.matchAll(/\{([^{}]+)\}/g)].map((match) => match[1]!);
  const declared = entry.parameters.filter(({ parameter }) => parameter["in"] === "path");
  const names = new Set(declared.map(({ parameter }) => parameter["name"]));
  const problems: Problem[] = [];
  for (const placeholder of placeholders) {
    if (names.has(placeholder)) continue;
    const misplaced = entry.parameters.find(({ parameter }) => parameter["name"] === placeholder);
    if (misplaced) {
      const { list, index, pointer } = misplaced.slot;
      list[index] = { ...misplaced.parameter, in: "path", required: true };
      const message = `path "${entry.path}" has the placeholder {${placeholder}} but its parameter is declared in: ${String(misplaced.parameter["in"])}; it is sent in the path`;
      problems.push(locator.problem("warning", `${pointer}/in`, message, "path-parameters"));
      continue;
    }
    const message = `path "${entry.path}" has the placeholder {${placeholder}} but ${label(entry)} declares no path parameter "${placeholder}"`;
    problems.push(locator.problem("error", entry.pointer, message, "path-parameters"));
  }
  for (const { parameter, pointer } of declared) {
    if (placeholders.includes(String(parameter["name"]))) continue;
    const message = `path parameter "${String(parameter["name"])}" is not a placeholder of "${entry.path}"; the SDK ignores it`;
    problems.push(locator.problem("warning", pointer, message, "path-parameters"));
  }
  return problems;
}

const label = (entry: { method: string; path: string }): string =>
  `${entry.method.toUpperCase()} ${entry.path}`;
