/** Import lines of one Python module, printed in the order ruff's isort expects. */

const STDLIB = new Set([
  "__future__",
  "datetime",
  "functools",
  "os",
  "typing",
  "collections",
  "collections.abc",
  "json",
]);

type Section = "future" | "stdlib" | "thirdParty" | "local";

export class Imports {
  readonly #from = new Map<string, Set<string>>();

  /** `from <module> import <name>`; `module` may be relative (`.bot`, `.._runtime`). */
  add(module: string, name: string): this {
    const names = this.#from.get(module) ?? new Set<string>();
    names.add(name);
    this.#from.set(module, names);
    return this;
  }

  get empty(): boolean {
    return this.#from.size === 0;
  }

  /** The import block; `indent` when it sits inside `if TYPE_CHECKING:`. */
  print(indent = ""): string {
    const sections: Record<Section, string[]> = { future: [], stdlib: [], thirdParty: [], local: [] };
    const modules = [...this.#from.keys()].sort(compareModules);
    for (const module of modules) {
      const names = [...(this.#from.get(module) ?? [])].sort(compareNames);
      sections[sectionOf(module)].push(fromLine(module, names, indent));
    }
    return (["future", "stdlib", "thirdParty", "local"] as const)
      .map((section) => sections[section].join("\n"))
      .filter((block) => block !== "")
      .join(`\n\n`);
  }
}

function sectionOf(module: string): Section {
  if (module === "__future__") return "future";
  if (module.startsWith(".")) return "local";
  return STDLIB.has(module) || STDLIB.has(module.split(".")[0] ?? "") ? "stdlib" : "thirdParty";
}

/** Absolute modules alphabetically; relative ones furthest first (`..x` before `.x`). */
function compareModules(a: string, b: string): number {
  const depth = (module: string) => module.length - module.replace(/^\.+/, "").length;
  if (depth(a) !== depth(b)) return depth(b) - depth(a);
  const left = a.replace(/^\.+/, "").toLowerCase();
  const right = b.replace(/^\.+/, "").toLowerCase();
  return left < right ? -1 : left > right ? 1 : 0;
}

/** isort's order-by-type: CONSTANTS, then Classes, then functions and variables. */
export function compareNames(a: string, b: string): number {
  const rank = (name: string) =>
    name.length > 1 && name === name.toUpperCase() && /[A-Z]/.test(name) ? 0 : /^_*[A-Z]/.test(name) ? 1 : 2;
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  const left = a.toLowerCase();
  const right = b.toLowerCase();
  if (left !== right) return left < right ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function fromLine(module: string, names: string[], indent: string): string {
  const line = `${indent}from ${module} import ${names.join(", ")}`;
  if (line.length <= 120) return line;
  return `${indent}from ${module} import (\n${names.map((name) => `${indent}    ${name},\n`).join("")}${indent})`;
}
