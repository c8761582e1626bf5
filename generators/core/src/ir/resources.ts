import { camelCase } from "../naming/casing";
import { NameScope } from "../naming/scope";
import { arrayAt, type Json, objectAt, stringAt } from "./json";
import type { DraftOperation } from "./operations/operation";
import { pathQualifier } from "./operations/resource-naming";
import type { Resource } from "./types";

const byKey =
  <T>(key: (item: T) => string) =>
  (a: T, b: T) =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;

/**
 * Group drafts into resources, make method names unique inside each resource (in spec order; a repeat is named
 * by its path — list, listForRepo — and gets a number only when the path cannot tell them apart), assign final
 * ids and link streaming twins.
 */
export function buildResources(document: Json, drafts: DraftOperation[]): Resource[] {
  const resources = new Map<string, Resource>();
  const scopes = new Map<string, NameScope>();
  for (const draft of drafts) {
    const { placement, operation } = draft;
    let resource = resources.get(placement.resourceId);
    if (!resource) {
      resource = newResource(document, draft);
      resources.set(placement.resourceId, resource);
      scopes.set(placement.resourceId, new NameScope(true));
    }
    const scope = scopes.get(placement.resourceId)!;
    if (scope.has(camelCase(operation.name.words))) {
      const qualified = [
        ...operation.name.words,
        ...pathQualifier(operation.path, placement.resourcePath.at(-1)?.words ?? []),
      ];
      if (!scope.has(camelCase(qualified))) operation.name = { raw: camelCase(qualified), words: qualified };
    }
    const wanted = camelCase(operation.name.words);
    const unique = scope.claim(wanted);
    if (unique !== wanted) {
      const suffix = unique.slice(wanted.length);
      operation.name = { raw: operation.name.raw + suffix, words: [...operation.name.words, suffix] };
    }
    operation.id = `${placement.resourceId}.${unique}`;
    resource.operations.push(operation);
  }
  for (const draft of drafts) {
    if (!draft.twinOf) continue;
    draft.operation.streaming = { ...draft.operation.streaming, twinOf: draft.twinOf.operation.id };
    draft.twinOf.operation.streamTwin = draft.operation.id;
  }
  const sorted = [...resources.values()].sort(byKey((resource) => resource.id));
  for (const resource of sorted) resource.operations.sort(byKey((operation) => operation.id));
  return sorted;
}

function newResource(document: Json, draft: DraftOperation): Resource {
  const { placement } = draft;
  const tag = arrayAt(document["tags"]).find((candidate) => objectAt(candidate)["name"] === placement.tag);
  const description = tag ? stringAt(objectAt(tag)["description"]) : undefined;
  return {
    id: placement.resourceId,
    path: placement.resourcePath,
    origin: placement.origin,
    ...(description ? { description } : {}),
    operations: [],
  };
}
