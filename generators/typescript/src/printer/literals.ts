/** Quoting and identifier rules for generated TypeScript, in one place. */

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A double-quoted TypeScript string literal. */
export function quote(value: string): string {
  return JSON.stringify(value);
}

/** True when `name` can be written as a bare identifier or property key. */
export function isIdentifier(name: string): boolean {
  return IDENTIFIER.test(name);
}

/** A property key: bare when it is an identifier, quoted otherwise (`"x-rate-limit"`). */
export function propertyKey(name: string): string {
  return isIdentifier(name) ? name : quote(name);
}

/** Property access on `object`: `object.name` or `object["na-me"]`. */
export function memberAccess(object: string, name: string): string {
  return isIdentifier(name) ? `${object}.${name}` : `${object}[${quote(name)}]`;
}

/** Escapes text for the inside of a template literal. */
export function escapeTemplate(text: string): string {
  return text.replace(/[`\\]|\$\{/g, (match) => `\\${match}`);
}

/** A TypeScript object literal from ordered `[key, expression]` pairs, using shorthand where possible. */
export function objectLiteral(entries: readonly (readonly [key: string, expression: string])[]): string {
  if (entries.length === 0) return "{}";
  const parts = entries.map(([key, expression]) =>
    key === expression ? key : `${propertyKey(key)}: ${expression}`,
  );
  return `{ ${parts.join(", ")} }`;
}

/** A string union type of literals (`"a" | "b"`), or `never` when empty. */
export function literalUnion(values: readonly string[]): string {
  return values.length === 0 ? "never" : values.map(quote).join(" | ");
}

/** A TypeScript literal for plain JSON data (objects, arrays, scalars), with bare keys where possible. */
export function valueLiteral(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(valueLiteral).join(", ")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value).filter(([, entry]) => entry !== undefined);
    return objectLiteral(entries.map(([key, entry]) => [key, valueLiteral(entry)]));
  }
  return JSON.stringify(value) ?? "undefined";
}
