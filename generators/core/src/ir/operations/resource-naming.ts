import { camelCase } from "../../naming/casing";
import { singular, splitWords, wordsOr } from "../../naming/words";
import type { SpecOperation } from "../context";
import type { Name, Resource } from "../types";

/** Where an operation belongs and what its SDK method is called. */
export interface OperationPlacement {
  resourceId: string;
  resourcePath: Name[];
  origin: Resource["origin"];
  /** Tag that named the resource, for its description. */
  tag?: string;
  method: Name;
}

/** Path segments that never name a resource: version prefixes (`v1`, `2.0`), `api`, `rest`. */
const SKIPPED_SEGMENTS = /^(v?\d+(\.\d+)*|api|rest)$/i;

/** Resource from x-embott-resource, the first tag or the first static path segment; method name likewise. */
export function placeOperation(spec: SpecOperation): OperationPlacement {
  const resource = resourceOf(spec);
  const resourceWords = resource.path.at(-1)?.words ?? [];
  const method = methodName(spec, resourceWords);
  return {
    resourceId: resource.id,
    resourcePath: resource.path,
    origin: resource.origin,
    ...tagOf(resource),
    method,
  };
}

function tagOf(resource: { tag?: string }): { tag?: string } {
  return resource.tag ? { tag: resource.tag } : {};
}

function resourceOf(spec: SpecOperation): {
  id: string;
  path: Name[];
  origin: Resource["origin"];
  tag?: string;
} {
  const extension = spec.operation["x-embott-resource"];
  if (typeof extension === "string" && extension.trim()) {
    const path = extension
      .split(".")
      .map((segment) => ({ raw: segment, words: wordsOr(segment, ["default"]) }));
    return { id: path.map((segment) => camelCase(segment.words)).join("."), path, origin: "extension" };
  }
  const tags = Array.isArray(spec.operation["tags"]) ? spec.operation["tags"] : [];
  const tag = tags.find(
    (candidate): candidate is string => typeof candidate === "string" && splitWords(candidate).length > 0,
  );
  if (tag) {
    const words = splitWords(tag);
    return { id: camelCase(words), path: [{ raw: tag, words }], origin: "tag", tag };
  }
  const segment =
    staticSegments(spec.path).find((candidate) => !SKIPPED_SEGMENTS.test(candidate)) ?? "default";
  const words = wordsOr(segment, ["default"]);
  return { id: camelCase(words), path: [{ raw: segment, words }], origin: "path" };
}

/** x-embott-method, else operationId minus the resource name, else HTTP method + path. */
function methodName(spec: SpecOperation, resourceWords: string[]): Name {
  const extension = spec.operation["x-embott-method"];
  if (typeof extension === "string" && splitWords(extension).length > 0) {
    return { raw: extension, words: splitWords(extension) };
  }
  const operationId = spec.operation["operationId"];
  if (typeof operationId === "string" && splitWords(operationId).length > 0) {
    const words = stripResource(splitWords(operationId), resourceWords);
    return { raw: camelCase(words), words };
  }
  const words = wordsFromPath(spec, resourceWords);
  return { raw: camelCase(words), words };
}

/** Words that may follow the verb in a stripped name (`listAll`, `scrollOverAll`); after or/and, another verb. */
const CONNECTORS = new Set(["or", "and", "all", "over"]);
/** Articles and prepositions that cannot end a method name (`attachContactTo`, `listCompaniesForA`). */
const DANGLING = new Set(["a", "an", "the", "to", "for", "of", "from", "by", "with", "in", "on", "into"]);

/**
 * Drop the resource name (singular or plural) when it is a prefix or suffix and the rest is still a sensible
 * method: `createArticle` → `create`, `createOrUpdateCompany` → `createOrUpdate`. A suffix is kept when the words
 * before it qualify the noun (`listSpecialEvents`, `buyMuseumTickets`) or end in an article or preposition
 * (`attachContactToACompany`): the whole operationId reads better than a mangled name.
 */
export function stripResource(words: string[], resourceWords: string[]): string[] {
  const n = resourceWords.length;
  if (n === 0 || words.length <= n) return words;
  const same = (slice: string[]) =>
    slice.every((word, index) => singular(word) === singular(resourceWords[index] ?? ""));
  if (same(words.slice(words.length - n))) {
    const rest = words.slice(0, words.length - n);
    const verbPhrase = rest.every(
      (word, index) => index === 0 || CONNECTORS.has(word) || ["or", "and"].includes(rest[index - 1]!),
    );
    return verbPhrase ? rest : words;
  }
  if (same(words.slice(0, n))) {
    const rest = words.slice(n);
    return DANGLING.has(rest.at(-1)!) ? words : rest;
  }
  return words;
}

const VERBS: Record<string, string> = { post: "create", put: "update", patch: "update", delete: "delete" };

/** GET /bots → list, GET /bots/{id} → get, POST /bots/{id}/publish → publish, DELETE /bots/{id} → delete. */
function wordsFromPath(spec: SpecOperation, resourceWords: string[]): string[] {
  const segments = spec.path.split("/").filter(Boolean);
  const endsWithParameter = segments.at(-1)?.startsWith("{") ?? false;
  const statics = staticSegments(spec.path).filter((segment) => !SKIPPED_SEGMENTS.test(segment));
  const resourceIndex = statics.findIndex(
    (segment) => camelCase(splitWords(segment)) === camelCase(resourceWords),
  );
  const rest = statics.slice(resourceIndex + 1).flatMap((segment) => splitWords(segment));
  if (spec.httpMethod === "post" && rest.length > 0 && !endsWithParameter) return rest;
  const verb =
    spec.httpMethod === "get"
      ? endsWithParameter
        ? "get"
        : "list"
      : (VERBS[spec.httpMethod] ?? spec.httpMethod);
  return [verb, ...rest];
}

function staticSegments(path: string): string[] {
  return path
    .split("?")[0]!
    .split("/")
    .filter((segment) => segment && !segment.includes("{") && splitWords(segment).length > 0);
}
