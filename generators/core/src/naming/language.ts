import { applyCasing, type Casing } from "./casing";

/** What an identifier names; casing and reserved words differ per kind. */
export type NameKind =
  | "type"
  | "resource"
  | "method"
  | "property"
  | "parameter"
  | "enumMember"
  | "constant"
  | "file";

/** The rules one language supplies; `createNaming` turns them into a `LanguageNaming`. */
export interface NamingConventions {
  /** Language id, e.g. "python". */
  language: string;
  /** Casing per kind of name. */
  casing: Record<NameKind, Casing>;
  /** Identifiers that cannot (or must not) be used for a kind, e.g. Python keywords for parameters. */
  reserved: Partial<Record<NameKind, ReadonlySet<string>>>;
  /** PHP keywords and class names are case-insensitive. */
  caseInsensitiveReserved?: boolean;
  /** Two identifiers differing only in case collide (PHP class and method names). */
  caseInsensitiveNames?: boolean;
  /** Turn a reserved identifier into a usable one (default: append `_`). */
  escapeReserved?: (identifier: string, kind: NameKind) => string;
  /** Make an identifier starting with a digit valid (default: prefix `_`). */
  escapeLeadingDigit?: (identifier: string, kind: NameKind) => string;
}

/** Final identifiers for one language, from neutral words. */
export interface LanguageNaming {
  readonly language: string;
  readonly conventions: NamingConventions;
  /** Neutral words → a valid, non-reserved identifier of `kind`. */
  identifier(words: readonly string[], kind: NameKind): string;
  /** Whether `identifier` is reserved for `kind`. */
  isReserved(identifier: string, kind: NameKind): boolean;
}

/** Build a language's naming from its conventions (shared machinery, per-language data). */
export function createNaming(conventions: NamingConventions): LanguageNaming {
  const escapeReserved = conventions.escapeReserved ?? ((identifier: string) => `${identifier}_`);
  const escapeLeadingDigit = conventions.escapeLeadingDigit ?? ((identifier: string) => `_${identifier}`);
  const isReserved = (identifier: string, kind: NameKind): boolean => {
    const reserved = conventions.reserved[kind];
    if (!reserved) return false;
    if (reserved.has(identifier)) return true;
    return conventions.caseInsensitiveReserved === true && reserved.has(identifier.toLowerCase());
  };
  return {
    language: conventions.language,
    conventions,
    isReserved,
    identifier(words, kind) {
      const usable = words.length > 0 ? words : ["unnamed"];
      let identifier = applyCasing(usable, conventions.casing[kind]);
      if (/^[0-9]/.test(identifier)) identifier = escapeLeadingDigit(identifier, kind);
      if (isReserved(identifier, kind)) identifier = escapeReserved(identifier, kind);
      return identifier;
    },
  };
}
