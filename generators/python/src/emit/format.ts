/**
 * Wraps generated lines longer than 120 characters the way `ruff format` leaves them: the last bracket group
 * of the line is exploded, one element per line with a trailing comma (ruff keeps such "magic trailing comma"
 * groups exploded), recursively. Lines inside triple-quoted strings are left alone.
 */

const LIMIT = 120;
const OPEN = new Set(["(", "[", "{"]);
const CLOSE: Record<string, string> = { ")": "(", "]": "[", "}": "{" };

export function formatPython(source: string): string {
  const out: string[] = [];
  let inDocstring = false;
  for (const line of source.split("\n")) {
    const quotes = (line.match(/"""/g) ?? []).length;
    if (inDocstring || line.length <= LIMIT || quotes > 0) out.push(line);
    else out.push(wrap(line));
    if (quotes % 2 === 1) inDocstring = !inDocstring;
  }
  return out.join("\n");
}

function wrap(line: string): string {
  if (line.length <= LIMIT) return line;
  const indent = line.length - line.trimStart().length;
  const pad = " ".repeat(indent);
  const fromImport = /^(\s*from \S+ import )([^()]+)$/.exec(line);
  if (fromImport) {
    const names = (fromImport[2] ?? "").split(",").map((name) => name.trim());
    return `${fromImport[1]}(\n${names.map((name) => `${pad}    ${name},`).join("\n")}\n${pad})`;
  }
  // ruff splits a too-long `x: T = None` on its right-hand side first, when the rest then fits.
  if (line.endsWith(" = None") && line.length - 4 <= LIMIT) {
    return `${line.slice(0, -4)}(\n${pad}    None\n${pad})`;
  }
  const group = lastGroup(line);
  if (!group) return line;
  const inner = `${pad}    `;
  const head = line.slice(0, group.open + 1);
  const tail = line.slice(group.close);
  const elements = splitTopLevel(line.slice(group.open + 1, group.close)).map((element) => element.trim());
  if (elements.length === 0) return line;
  // A lone subscript element takes no trailing comma: `Optional[X,]` would be a tuple.
  const comma = line[group.open] === "[" && elements.length === 1 ? "" : ",";
  const body = elements.map((element) => wrap(`${inner}${element}${comma}`)).join("\n");
  return `${head}\n${body}\n${pad}${tail}`;
}

/** The bracket group that closes last on the line (outside strings), as open/close indexes. */
function lastGroup(line: string): { open: number; close: number } | undefined {
  const stack: number[] = [];
  let found: { open: number; close: number } | undefined;
  let quote: string | undefined;
  for (let index = 0; index < line.length; index++) {
    const char = line[index] ?? "";
    if (quote) {
      if (char === "\\") index++;
      else if (char === quote) quote = undefined;
      continue;
    }
    if (char === '"' || char === "'") quote = char;
    else if (char === "#") break;
    else if (OPEN.has(char)) stack.push(index);
    else if (CLOSE[char]) {
      const open = stack.pop();
      if (open !== undefined && stack.length === 0) found = { open, close: index };
    }
  }
  return found;
}

/** `text` split at commas outside brackets and strings; a trailing empty element is dropped. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let start = 0;
  for (let index = 0; index < text.length; index++) {
    const char = text[index] ?? "";
    if (quote) {
      if (char === "\\") index++;
      else if (char === quote) quote = undefined;
      continue;
    }
    if (char === '"' || char === "'") quote = char;
    else if (OPEN.has(char)) depth++;
    else if (CLOSE[char]) depth--;
    else if (char === "," && depth === 0) {
      parts.push(text.slice(start, index));
      start = index + 1;
    }
  }
  const last = text.slice(start);
  if (last.trim() !== "") parts.push(last);
  return parts;
}
