import { existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import type { Locator } from "../locate";
import type { Problem } from "../problem";

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * External `$ref`s the bundler left in the document. The bundler does not follow refs inside vendor extensions
 * (`x-topics: { content: { $ref: ./docs/intro.md } }`); the SDK never reads those, so one that cannot be read is a
 * warning and is replaced by `null`, leaving a self-contained document for every later reader (hey-api included).
 * Anywhere else an unbundled external ref is an error naming the file it points to.
 */
export function checkExternalRefs(document: Json, absolutePath: string, locator: Locator): Problem[] {
  const problems: Problem[] = [];
  const baseDir = dirname(absolutePath);
  const visit = (node: unknown, pointer: string, extension: string | undefined): void => {
    if (Array.isArray(node)) {
      for (const [index, child] of node.entries())
        replaceIfDropped(node, index, child, `${pointer}/${index}`, extension);
      return;
    }
    if (!isObject(node)) return;
    for (const [key, child] of Object.entries(node)) {
      const childPointer = `${pointer}/${escapeSegment(key)}`;
      replaceIfDropped(node, key, child, childPointer, extension ?? (key.startsWith("x-") ? key : undefined));
    }
  };
  const replaceIfDropped = (
    parent: Json | unknown[],
    key: string | number,
    child: unknown,
    pointer: string,
    extension: string | undefined,
  ): void => {
    const ref = isObject(child) ? child["$ref"] : undefined;
    if (typeof ref !== "string" || ref.startsWith("#")) {
      visit(child, pointer, extension);
      return;
    }
    const target = ref.split("#")[0] ?? "";
    const readable = !/^[a-z]+:\/\//i.test(target) && existsSync(resolve(baseDir, target));
    if (extension === undefined) {
      const reason = readable ? "it was not bundled" : `${target} cannot be read (file not found)`;
      problems.push(locator.problem("error", pointer, `external $ref "${ref}": ${reason}`, "external-ref"));
      return;
    }
    if (readable) return;
    problems.push(
      locator.problem(
        "warning",
        pointer,
        `external $ref "${ref}" cannot be read (file not found); the SDK does not use ${extension}, so it is left out`,
        "external-ref",
      ),
    );
    (parent as Record<string | number, unknown>)[key] = null;
  };
  visit(document, "#", undefined);
  return problems;
}

const escapeSegment = (segment: string): string => segment.replace(/~/g, "~0").replace(/\//g, "~1");
