import type { DiffLanguage } from "./languages";
import type { Change, Level } from "./report";
import type { SurfaceModel, SurfaceType } from "./surface";
import { compareTypes, type LevelRule, type Position } from "./types-compare";

/** Accumulates changes, evaluating each level rule once per language. */
export class Collector {
  readonly changes: Change[] = [];

  constructor(
    private readonly languages: readonly DiffLanguage[],
    /** Old model key → new key, for models renamed with the same shape: refs to them compare equal. */
    private readonly renamedModels: ReadonlyMap<string, string>,
  ) {}

  /** `type` with refs to renamed models pointing at their new names. */
  renamed(type: SurfaceType): SurfaceType {
    if (type.kind === "ref") return { ...type, id: this.renamedModels.get(type.id) ?? type.id };
    if (type.kind === "array") return { ...type, items: this.renamed(type.items) };
    if (type.kind === "map") return { ...type, values: this.renamed(type.values) };
    return type;
  }

  add(path: string, reason: string, rule: LevelRule, detail?: (language: DiffLanguage) => string): void {
    const levels: Record<string, Level> = {};
    for (const language of this.languages)
      levels[language.language] = typeof rule === "function" ? rule(language) : rule;
    const change: Change = { path, reason, levels };
    if (detail) change.detail = Object.fromEntries(this.languages.map((l) => [l.language, detail(l)]));
    this.changes.push(change);
  }

  /** A rename: breaking only in the languages where the caller-facing name changes. */
  rename<T>(
    path: string,
    reason: string,
    before: T,
    after: T,
    key: (language: DiffLanguage, item: T) => string,
  ) {
    this.add(
      path,
      reason,
      (language) => (key(language, before) === key(language, after) ? "none" : "breaking"),
      (language) => {
        const from = key(language, before);
        const to = key(language, after);
        return from === to ? `${from} (unchanged)` : `${from} → ${to}`;
      },
    );
  }

  types(path: string, subject: string, before: SurfaceType, after: SurfaceType, position: Position): void {
    for (const finding of compareTypes(this.renamed(before), after, position))
      this.add(path, `${subject}: ${finding.reason}`, finding.level, finding.detail);
  }

  docs(path: string, subject: string, before: { docs?: string; deprecated: boolean }, after: typeof before) {
    if (before.docs !== after.docs) this.add(path, `${subject}: docs changed`, "none");
    if (!before.deprecated && after.deprecated) this.add(path, `${subject}: deprecated`, "none");
    if (before.deprecated && !after.deprecated) this.add(path, `${subject}: no longer deprecated`, "none");
  }
}

/** Pair items by key, then pair leftovers with `similar` (renames); the rest were removed or added. */
export function match<T>(
  before: readonly T[],
  after: readonly T[],
  key: (item: T) => string,
  similar: (a: T, b: T) => boolean,
): { pairs: [T, T][]; renamed: [T, T][]; removed: T[]; added: T[] } {
  const afterByKey = new Map(after.map((item) => [key(item), item]));
  const pairs: [T, T][] = [];
  const removed: T[] = [];
  for (const item of before) {
    const counterpart = afterByKey.get(key(item));
    if (counterpart === undefined) removed.push(item);
    else {
      pairs.push([item, counterpart]);
      afterByKey.delete(key(item));
    }
  }
  const added = [...afterByKey.values()];
  const renamed: [T, T][] = [];
  for (const item of [...removed]) {
    const candidates = added.filter((candidate) => similar(item, candidate));
    if (candidates.length !== 1) continue;
    renamed.push([item, candidates[0]!]);
    removed.splice(removed.indexOf(item), 1);
    added.splice(added.indexOf(candidates[0]!), 1);
  }
  return { pairs, renamed, removed, added };
}

export const sameType = (a: SurfaceType, b: SurfaceType): boolean => JSON.stringify(a) === JSON.stringify(b);
const withoutDocs = (key: string, value: unknown) => (key === "docs" ? undefined : value);
export const sameShape = (a: SurfaceModel, b: SurfaceModel): boolean =>
  JSON.stringify(a.shape, withoutDocs) === JSON.stringify(b.shape, withoutDocs);
export const sameWords = (a: readonly string[], b: readonly string[]): boolean => a.join(" ") === b.join(" ");
