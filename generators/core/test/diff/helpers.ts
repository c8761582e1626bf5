import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { parse } from "yaml";
import { phpNaming } from "../../../php/src/naming/index";
import { pythonNaming } from "../../../python/src/naming/index";
import { rubyNaming } from "../../../ruby/src/naming/index";
import { typescriptNaming } from "../../../typescript/src/naming/index";
import {
  buildPlan,
  compareSurfaces,
  type DiffReport,
  diffLanguage,
  type Level,
  summarize,
  surfaceFromPlan,
} from "../../src/index";
import { irOf } from "../helpers/build";

/** The four SDKs, with their real naming refiners. */
export const LANGUAGES = [typescriptNaming, pythonNaming, phpNaming, rubyNaming].map(diffLanguage);

/** A fixture spec as a plain document. */
export function fixture(name: string): Record<string, unknown> {
  return parse(readFileSync(new URL(`fixtures/${name}`, import.meta.url), "utf8")) as Record<string, unknown>;
}

/** Diff two in-memory documents for the four languages. */
export function diffDocuments(before: Record<string, unknown>, after: Record<string, unknown>): DiffReport {
  return compareSurfaces(surfaceOf(before), surfaceOf(after), LANGUAGES, {
    base: "before",
    head: "after",
  });
}

/** The surface of an in-memory document, through the IR and the plan. */
export const surfaceOf = (document: Record<string, unknown>) =>
  surfaceFromPlan(buildPlan(irOf(document), { document: structuredClone(document) }));

/** Overall level per language. */
export function levelsByLanguage(report: DiffReport): Record<string, Level> {
  const summary = summarize(report);
  return Object.fromEntries(
    report.languages.map((language) => [language, summary.languages[language]!.level]),
  );
}

/** Walk (and create) plain JSON by keys: test convenience for editing untyped documents. */
// biome-ignore lint/suspicious/noExplicitAny: fixture documents are untyped YAML
export function node(document: Record<string, unknown>, ...keys: string[]): any {
  // biome-ignore lint/suspicious/noExplicitAny: fixture documents are untyped YAML
  return keys.reduce<any>((current, key) => current[key], document);
}

export type Doc = Record<string, unknown>;
export type PerLanguage = Record<"typescript" | "python" | "php" | "ruby", Level>;

/** One spec edit and the classification every language must give it. */
export interface Rule {
  rule: string;
  /** Applied to both sides first: the state the edit starts from. */
  given?: (doc: Doc) => void;
  edit: (doc: Doc) => void;
  /** The change that must be reported (matched against `path: reason`). */
  change: RegExp;
  /** Its level in each language (one level = the same in all four); also each language's overall level. */
  levels: Level | PerLanguage;
  /** The edit changes nothing else (no knock-on noise). */
  alone?: true;
  /** Per-language detail the change must carry. */
  detail?: Record<keyof PerLanguage, string>;
}

export const every = (level: Level): PerLanguage => ({
  typescript: level,
  python: level,
  php: level,
  ruby: level,
});

/** One test per rule: edit a copy of `base`, diff, and check the change's level (and detail) per language. */
export function ruleTable(base: Doc, rules: Rule[]): void {
  it.each(rules)("$rule", ({ given, edit, change, levels, alone, detail }) => {
    const before = structuredClone(base);
    given?.(before);
    const head = structuredClone(before);
    edit(head);
    const report = diffDocuments(before, head);
    const expected = typeof levels === "string" ? every(levels) : levels;
    const found = report.changes.find((candidate) => change.test(`${candidate.path}: ${candidate.reason}`));
    expect(found, report.changes.map((c) => `${c.path}: ${c.reason}`).join("\n")).toBeDefined();
    expect(found!.levels).toEqual(expected);
    expect(levelsByLanguage(report)).toEqual(expected);
    if (alone) expect(report.changes).toHaveLength(1);
    if (detail) expect(found!.detail).toEqual(detail);
  });
}
