/** A double-quoted Ruby string literal; `#{`, `#@`, `#$`, quotes, backslashes and control characters escaped. */
export function rubyString(value: string): string {
  let out = '"';
  for (let index = 0; index < value.length; index++) {
    const char = value[index] as string;
    const code = char.charCodeAt(0);
    if (char === "\\") out += "\\\\";
    else if (char === '"') out += '\\"';
    else if (char === "#" && /[{$@]/.test(value[index + 1] ?? "")) out += "\\#";
    else if (char === "\n") out += "\\n";
    else if (char === "\t") out += "\\t";
    else if (char === "\r") out += "\\r";
    else if (code < 0x20 || code === 0x7f) out += `\\u${code.toString(16).padStart(4, "0")}`;
    else out += char;
  }
  return `${out}"`;
}

/** A Ruby symbol literal: `:name` when the name allows it, else `:"..."`. */
export function rubySymbol(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*[?!]?$/.test(name) ? `:${name}` : `:${rubyString(name)}`;
}

/** A hash key in `key: value` form when possible, else `"key" => value`; `symbolKeys` picks the first form. */
export function rubyHashKey(name: string, symbolKeys: boolean): string {
  if (symbolKeys && /^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) return `${name}:`;
  return `${rubyString(name)} =>`;
}

/** A JSON value as a Ruby literal (string keys), on one line. */
export function rubyLiteral(value: unknown): string {
  if (value === null || value === undefined) return "nil";
  if (typeof value === "string") return rubyString(value);
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "nil";
  if (typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return `[${value.map(rubyLiteral).join(", ")}]`;
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0) return "{}";
    return `{ ${entries.map(([key, item]) => `${rubyString(key)} => ${rubyLiteral(item)}`).join(", ")} }`;
  }
  return "nil";
}
