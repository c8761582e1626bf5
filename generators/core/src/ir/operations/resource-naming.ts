import { camelCase } from "../../naming/casing";
import { singular, splitWords, wordsOr } from "../../naming/words";
import type { SpecOperation } from "../context";
import { deref, type Json, objectAt } from "../json";
import { hasType, responseFields } from "../pagination/response-fields";
import type { Name, Resource } from "../types";
import { successContent } from "./responses";

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
export function placeOperation(spec: SpecOperation, document: Json = {}): OperationPlacement {
  const resource = resourceOf(spec);
  const resourceWords = resource.path.at(-1)?.words ?? [];
  const method = methodName({ ...spec, collection: returnsCollection(document, spec) }, resourceWords);
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
function methodName(
  spec: SpecOperation & { collection: boolean | undefined },
  resourceWords: string[],
): Name {
  const extension = spec.operation["x-embott-method"];
  if (typeof extension === "string" && splitWords(extension).length > 0) {
    return { raw: extension, words: splitWords(extension) };
  }
  const operationId = spec.operation["operationId"];
  if (typeof operationId === "string" && splitWords(operationId).length > 0) {
    const idWords = splitRunTogether(splitWords(operationId), spec, resourceWords);
    const words = isRawHttpName(idWords, spec.path)
      ? wordsFromPath(spec, resourceWords)
      : stripResource(idWords, resourceWords);
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
    if (verbPhrase) return rest;
  }
  if (same(words.slice(0, n))) {
    const rest = words.slice(n);
    return DANGLING.has(rest.at(-1)!) ? words : rest;
  }
  return words;
}

const VERBS: Record<string, string> = { post: "create", put: "update", patch: "update", delete: "delete" };
/** The first word of an operationId that only names the HTTP method (`GetCustomers`, `get-bookings`). */
const HTTP_VERB_WORDS = new Set(["get", "post", "put", "patch", "delete"]);

/**
 * GET /bots → list (get when the response is known not to be a collection: GET /gateway), GET /bots/{id} → get,
 * POST /bots → create, POST or PUT/PATCH /bots/{id} → update, DELETE /bots/{id} → delete; segments after the resource follow (GET /customers/{id}/sources → listSources,
 * an item's last segment singular: getSource); a POST to a verb segment is that action (POST /bots/{id}/publish
 * → publish), to a plural noun a create (POST /customers/{id}/sources → createSource).
 */
export function wordsFromPath(
  spec: Pick<SpecOperation, "path" | "httpMethod"> & { collection?: boolean | undefined },
  resourceWords: string[],
): string[] {
  const segments = spec.path.split("/").filter(Boolean);
  const endsWithParameter = segments.at(-1)?.startsWith("{") ?? false;
  const statics = staticSegments(spec.path).filter((segment) => !SKIPPED_SEGMENTS.test(segment));
  const resourceIndex = statics.findIndex((segment) => sameWords(splitWords(segment), resourceWords));
  const rest = statics.slice(resourceIndex + 1).flatMap((segment) => splitWords(segment));
  for (let index = 0; index < rest.length - 1; index++) rest[index] = singular(rest[index]!);
  if (endsWithParameter && rest.length > 0) rest[rest.length - 1] = singular(rest.at(-1)!);
  if (spec.httpMethod === "post" && rest.length > 0 && !endsWithParameter) {
    const last = rest.at(-1)!;
    if (singular(last) === last) return rest;
    return ["create", ...rest.slice(0, -1), singular(last)];
  }
  const verb =
    spec.httpMethod === "get"
      ? endsWithParameter || spec.collection === false
        ? "get"
        : "list"
      : spec.httpMethod === "post" && endsWithParameter
        ? "update"
        : (VERBS[spec.httpMethod] ?? spec.httpMethod);
  return [verb, ...rest];
}

const sameWords = (a: string[], b: string[]): boolean =>
  a.length === b.length && a.every((word, index) => singular(word) === singular(b[index] ?? ""));

/**
 * An operationId that only spells the HTTP method and the path (`GetCustomersCustomer` for
 * GET /v1/customers/{customer}, `get-bookings`, `PostCustomers`): the verb, then every static segment in order
 * (singular or plural), with path parameter names allowed in between. Such names say nothing a person would
 * write, so the method is named from HTTP method + path instead (list, get, create, update, delete).
 */
export function isRawHttpName(words: string[], path: string): boolean {
  if (!HTTP_VERB_WORDS.has(words[0] ?? "")) return false;
  const groups = path
    .split("?")[0]!
    .split("/")
    .filter((segment) => segment && !SKIPPED_SEGMENTS.test(segment))
    .map((segment) => ({ optional: segment.includes("{"), words: splitWords(segment) }))
    .filter((group) => group.words.length > 0);
  const rest = words.slice(1);
  if (rest.length === 0 || !groups.some((group) => !group.optional)) return false;
  let at = 0;
  for (const group of groups) {
    const slice = rest.slice(at, at + group.words.length);
    if (sameWords(slice, group.words)) at += group.words.length;
    else if (!group.optional) return false;
  }
  return at === rest.length;
}

/** Words an API's names are built from: verbs, connectors and the words of this path and resource. */
const COMMON_WORDS = ["get", "list", "create", "update", "delete", "post", "put", "patch", "set", "add"];
const SMALL_WORDS = ["on", "for", "by", "of", "to", "in", "all", "and", "or", "with", "from"];

/**
 * Split lowercase run-together words (`listlabelsonissue`, `getbookings`) into the words of the path and
 * resource plus common verbs and connectors, when they cover the whole word; anything else is kept as is.
 */
export function splitRunTogether(
  words: string[],
  spec: Pick<SpecOperation, "path">,
  resourceWords: string[],
): string[] {
  const pathWords = spec.path.split(/[^A-Za-z0-9]+/).flatMap((segment) => splitWords(segment));
  const vocabulary = new Set(
    [...COMMON_WORDS, ...SMALL_WORDS, ...pathWords, ...resourceWords].flatMap((word) => [
      word,
      singular(word),
    ]),
  );
  return words.flatMap((word) => (word.length >= 6 ? (segment(word, vocabulary) ?? [word]) : [word]));
}

/** Fewest-words segmentation of `word` into vocabulary words (words of 2+ letters), or undefined. */
function segment(word: string, vocabulary: Set<string>): string[] | undefined {
  const best: (string[] | undefined)[] = [[]];
  for (let end = 1; end <= word.length; end++) {
    for (let start = 0; start < end; start++) {
      const piece = word.slice(start, end);
      const before = best[start];
      if (!before || piece.length < 2 || !vocabulary.has(piece)) continue;
      const candidate = [...before, piece];
      if (!best[end] || candidate.length < best[end]!.length) best[end] = candidate;
    }
  }
  const result = best[word.length];
  return result && result.length > 1 ? result : undefined;
}

function staticSegments(path: string): string[] {
  return path
    .split("?")[0]!
    .split("/")
    .filter((segment) => segment && !segment.includes("{") && splitWords(segment).length > 0);
}

/**
 * Words that tell two same-named methods of a resource apart by path: the static segments before the resource
 * (`/repos/{owner}/{repo}/issues` → for repo, `/orgs/{org}/issues` → for org), else those after it.
 */
export function pathQualifier(path: string, resourceWords: string[]): string[] {
  const statics = staticSegments(path).filter((segment) => !SKIPPED_SEGMENTS.test(segment));
  const index = statics.findIndex((segment) => sameWords(splitWords(segment), resourceWords));
  const before = index > 0 ? statics.slice(0, index) : index < 0 ? statics : [];
  const chosen = before.length > 0 ? before : statics.slice(index + 1);
  const words = chosen.flatMap((segment) => splitWords(segment)).map(singular);
  return words.length > 0 ? ["for", ...words] : [];
}

/**
 * Whether a GET answers a collection: a JSON array, or an object with a `data`/`items`/`results`/`result` array
 * or an array named after the path (`{ users: [...] }` for GET /users), on a path whose last segment is plural.
 * Undefined when no body is documented.
 */
function returnsCollection(document: Json, spec: SpecOperation): boolean | undefined {
  if (spec.httpMethod !== "get") return undefined;
  const lastSegment = splitWords(staticSegments(spec.path).at(-1) ?? "").at(-1) ?? "";
  // A singular last segment names one thing (GET /board, /gateway, /ip_allowlist), whatever its body holds.
  if (singular(lastSegment) === lastSegment) return false;
  const content = successContent(document, spec);
  if (!content || Object.keys(content).length === 0) return undefined;
  const json = Object.keys(content).find((mediaType) => mediaType.includes("json"));
  if (!json) return false;
  const schema = deref(document, objectAt(content[json])["schema"], "#").node;
  if (Object.keys(schema).length === 0) return undefined;
  const fields = responseFields(document, schema, 1);
  const isArray = (node: Json) => hasType(node, "array");
  const plural = (key: string) => singular(key) !== key && singular(key) === singular(lastSegment);
  return (
    isArray(schema) ||
    fields.some((field) => isArray(field.schema) && (COLLECTION_FIELDS.has(field.key) || plural(field.key)))
  );
}

const COLLECTION_FIELDS = new Set(["data", "items", "results", "result", "records", "entries", "list"]);
