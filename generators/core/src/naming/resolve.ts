import type { LanguageNaming, NameKind } from "./language";
import { NameScope } from "./scope";

/** Something to name: a stable key (e.g. an operation id) and its neutral words. */
export interface NamingEntry {
  key: string;
  words: readonly string[];
}

/**
 * Final identifiers for entries that share one namespace (methods of a resource, properties of a model,
 * models of a package). In entry order, a name already taken gets a number appended as an extra word, so
 * each language re-cases it (`getUser2`, `get_user_2`). Case-insensitive when the language's names are.
 */
export function resolveIdentifiers(
  naming: LanguageNaming,
  kind: NameKind,
  entries: readonly NamingEntry[],
  taken: readonly string[] = [],
): Map<string, string> {
  const scope = new NameScope(naming.conventions.caseInsensitiveNames === true);
  for (const name of taken) scope.claim(name);
  const identifiers = new Map<string, string>();
  for (const entry of entries) {
    let identifier = naming.identifier(entry.words, kind);
    for (let counter = 2; scope.has(identifier); counter++) {
      identifier = naming.identifier([...entry.words, String(counter)], kind);
    }
    scope.claim(identifier);
    identifiers.set(entry.key, identifier);
  }
  return identifiers;
}
