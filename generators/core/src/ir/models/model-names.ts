import { pascalCase } from "../../naming/casing";
import { NameScope } from "../../naming/scope";
import type { Model } from "../types";

/**
 * Give hoisted models unique names. Component names are claimed first and never change; a hoisted model
 * whose derived name is taken gets a number (BotStatus, BotStatus2). Case-insensitive, for file systems.
 */
export function assignModelNames(models: Model[]): void {
  const scope = new NameScope(true);
  for (const model of models) if (model.origin === "component") scope.claim(pascalCase(model.name.words));
  for (const model of models) {
    if (model.origin !== "inline") continue;
    const wanted = pascalCase(model.name.words);
    const unique = scope.claim(wanted);
    const suffix = unique.slice(wanted.length);
    if (suffix) model.name.words = [...model.name.words, suffix];
    model.name.raw = unique;
  }
}
