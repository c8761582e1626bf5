import type { LanguageTarget } from "@embott/codegen-core";
import { phpTarget } from "@embott/codegen-php";
import { pythonTarget } from "@embott/codegen-python";
import { rubyTarget } from "@embott/codegen-ruby";
import { typescriptTarget } from "@embott/codegen-typescript";
import { UsageError } from "./io";

/** Every language the CLI knows, in output order. */
export const TARGETS: readonly LanguageTarget[] = [typescriptTarget, pythonTarget, phpTarget, rubyTarget];

/** The targets named by --lang (all when absent); UsageError for an unknown language. */
export function selectTargets(
  names: string[] | undefined,
  targets: readonly LanguageTarget[] = TARGETS,
): LanguageTarget[] {
  if (!names) return [...targets];
  return names.map((name) => {
    const target = targets.find((candidate) => candidate.language === name.toLowerCase());
    if (!target) {
      const known = targets.map((candidate) => candidate.language).join(", ");
      throw new UsageError(`unknown language "${name}" (known: ${known})`);
    }
    return target;
  });
}
