import { readFileSync } from "node:fs";
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
