import { readdir, readFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

/** The hand-written runtime (engineer C's), copied verbatim into every generated SDK's `src/`. */
export const RUNTIME_SOURCE_DIR = fileURLToPath(new URL("../../runtime/src", import.meta.url));

/** The runtime's public barrel, relative to its `src/`; the SDK barrel re-exports it. */
export const RUNTIME_BARREL = "core/index.ts";

export interface RuntimeFile {
  /** Path relative to the runtime's (and the SDK's) `src/`, with `/` separators. */
  path: string;
  contents: string;
}

/** Every runtime source file, sorted by path. */
export async function readRuntimeFiles(sourceDir = RUNTIME_SOURCE_DIR): Promise<RuntimeFile[]> {
  const entries = await readdir(sourceDir, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(".ts"))
    .map((entry) => relative(sourceDir, join(entry.parentPath, entry.name)).split(sep).join("/"))
    .sort();
  return Promise.all(
    files.map(async (path) => ({ path, contents: await readFile(join(sourceDir, path), "utf8") })),
  );
}

/** The runtime's relative import/export specifiers with `.js` added (`"../internal/auth"` → `"../internal/auth.js"`). */
export function withJsExtensions(contents: string): string {
  return contents.replace(
    /(\bfrom\s+|\bimport\s*\(\s*|^import\s+)(["'])(\.{1,2}\/[^"']+?)(?<!\.js|\.json)\2/gm,
    (_match, prefix: string, quote: string, path: string) => `${prefix}${quote}${path}.js${quote}`,
  );
}

/**
 * Names exported by the runtime barrel (following `export *` into its modules), read from syntax only. The
 * emitter keeps generated names and re-exported hey-api type names clear of them.
 */
export function runtimeExportNames(files: readonly RuntimeFile[]): Set<string> {
  const byPath = new Map(files.map((file) => [file.path, file.contents]));
  const names = new Set<string>();
  const visit = (path: string, seen: Set<string>): void => {
    const contents = byPath.get(path);
    if (contents === undefined || seen.has(path)) return;
    seen.add(path);
    const source = ts.createSourceFile(path, contents, ts.ScriptTarget.ES2022, false);
    for (const statement of source.statements) {
      if (ts.isExportDeclaration(statement)) {
        const clause = statement.exportClause;
        if (clause && ts.isNamedExports(clause))
          for (const element of clause.elements) names.add(element.name.text);
        else if (!clause && statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)) {
          visit(resolveModule(path, statement.moduleSpecifier.text), seen);
        }
      } else if (hasExportModifier(statement)) {
        for (const name of declaredNames(statement)) names.add(name);
      }
    }
  };
  visit(RUNTIME_BARREL, new Set());
  return names;
}

function hasExportModifier(statement: ts.Statement): boolean {
  const modifiers = ts.canHaveModifiers(statement) ? ts.getModifiers(statement) : undefined;
  return modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword) ?? false;
}

/** Names declared by a class, interface, type, function, enum or `const`/`let` statement. */
function declaredNames(statement: ts.Statement): string[] {
  if (ts.isVariableStatement(statement)) {
    return statement.declarationList.declarations.flatMap((declaration) =>
      ts.isIdentifier(declaration.name) ? [declaration.name.text] : [],
    );
  }
  const name = (statement as { name?: ts.Node }).name;
  return name && ts.isIdentifier(name) ? [name.text] : [];
}

function resolveModule(fromPath: string, specifier: string): string {
  const base = fromPath.split("/").slice(0, -1);
  for (const part of specifier.split("/")) {
    if (part === "..") base.pop();
    else if (part !== ".") base.push(part);
  }
  return `${base.join("/")}.ts`;
}

/** Names of a runtime class's (or interface's) members, so generated members never override them. */
export function classMemberNames(
  files: readonly RuntimeFile[],
  path: string,
  className: string,
): Set<string> {
  const contents = files.find((file) => file.path === path)?.contents;
  if (contents === undefined) throw new Error(`runtime file ${path} is missing`);
  const source = ts.createSourceFile(path, contents, ts.ScriptTarget.ES2022, false);
  const names = new Set<string>(["constructor"]);
  for (const statement of source.statements) {
    const declaration = ts.isClassDeclaration(statement) || ts.isInterfaceDeclaration(statement);
    if (!declaration || statement.name?.text !== className) continue;
    for (const member of statement.members) {
      if (member.name && (ts.isIdentifier(member.name) || ts.isPrivateIdentifier(member.name))) {
        names.add(member.name.text);
      }
    }
  }
  return names;
}

/** The error classes `core/error.ts` exports (`SDKError`, `APIError`, `NotFoundError`…), in file order. */
export function errorClassNames(files: readonly RuntimeFile[]): string[] {
  const contents = files.find((file) => file.path === "core/error.ts")?.contents;
  if (contents === undefined) throw new Error("runtime file core/error.ts is missing");
  const source = ts.createSourceFile("error.ts", contents, ts.ScriptTarget.ES2022, false);
  return source.statements.flatMap((statement) =>
    ts.isClassDeclaration(statement) &&
    statement.name &&
    hasExportModifier(statement) &&
    statement.name.text.endsWith("Error")
      ? [statement.name.text]
      : [],
  );
}
