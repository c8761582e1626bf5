import { posix } from "node:path";
import type { CodeWriter } from "../printer";
import { quote } from "../printer";

/** Modules of the copied runtime (`generators/typescript/runtime/src`), relative to the SDK's `src/`. */
export const RUNTIME = {
  client: "core/client",
  resource: "core/resource",
  apiPromise: "core/api-promise",
  pagination: "core/pagination",
  streaming: "core/streaming",
  options: "core/options",
  webhooks: "core/webhooks-resource",
  error: "core/error",
  params: "internal/params",
  body: "internal/body",
} as const;

/**
 * Collects the imports of one generated file (paths relative to the SDK's `src/`) and prints them sorted, as
 * `import type` when every name is a type, so output is stable and `verbatimModuleSyntax`-clean. Specifiers end
 * in `.js`, as Node's ESM resolution (tsconfig `NodeNext`) requires; bundlers resolve them to the `.ts` files.
 */
export class ImportSet {
  private readonly modules = new Map<string, Map<string, boolean>>();
  private readonly namespaces = new Map<string, string>();

  /** @param fromFile the importing file, relative to `src/` (e.g. `resources/bots.ts`). */
  constructor(private readonly fromFile: string) {}

  add(module: string, name: string, typeOnly = false): this {
    const names = this.modules.get(module) ?? new Map<string, boolean>();
    names.set(name, (names.get(name) ?? true) && typeOnly);
    this.modules.set(module, names);
    return this;
  }

  type(module: string, name: string): this {
    return this.add(module, name, true);
  }

  /** `import type * as <alias> from "<module>"`. */
  namespace(module: string, alias: string): this {
    this.namespaces.set(alias, module);
    return this;
  }

  write(writer: CodeWriter): void {
    const lines: [string, string][] = [];
    for (const [alias, module] of this.namespaces) {
      lines.push([module, `import type * as ${alias} from ${quote(this.specifier(module))};`]);
    }
    for (const [module, names] of this.modules)
      lines.push([module, importLine(this.specifier(module), names)]);
    for (const [, line] of lines.sort(([a], [b]) => a.localeCompare(b))) writer.line(line);
  }

  private specifier(module: string): string {
    const relative = posix.relative(posix.dirname(this.fromFile), module);
    return `${relative.startsWith(".") ? relative : `./${relative}`}.js`;
  }
}

function importLine(specifier: string, names: Map<string, boolean>): string {
  const sorted = [...names].sort(([a], [b]) => a.localeCompare(b));
  const allTypes = sorted.every(([, typeOnly]) => typeOnly);
  const list = sorted.map(([name, typeOnly]) => (typeOnly && !allTypes ? `type ${name}` : name)).join(", ");
  return `import ${allTypes ? "type " : ""}{ ${list} } from ${quote(specifier)};`;
}
