/** Docstrings and comments from spec text, in the shape `ruff format` leaves alone. */

/** A docstring at `indent`, or "" when there is no text. */
export function docstring(text: string | undefined, indent: string): string {
  const lines = clean(text);
  if (lines.length === 0) return "";
  // Lines after the first lose the indentation they share, as ruff does.
  const rest = lines.slice(1);
  const indents = rest
    .filter((line) => line.trim() !== "")
    .map((line) => line.length - line.trimStart().length);
  const common = indents.length > 0 ? Math.min(...indents) : 0;
  const escaped = [lines[0] ?? "", ...rest.map((line) => line.slice(common))].map(escapeDocLine);
  const last = escaped.length - 1;
  if (escaped.length === 1 && escaped[last]?.endsWith('"')) escaped[last] = `${escaped[last]} `;
  if (escaped.length === 1) return `${indent}"""${escaped[0]}"""\n`;
  const body = escaped
    .slice(1)
    .map((line) => (line === "" ? "" : `${indent}${line}`))
    .join("\n");
  return `${indent}"""${escaped[0]}\n${body}\n${indent}"""\n`;
}

/** Spec text as lines: trailing spaces and tabs gone, blank runs collapsed, no leading/trailing blank lines. */
export function clean(text: string | undefined): string[] {
  if (!text) return [];
  const lines = text
    .replace(/\r\n?/g, "\n")
    .replace(/\t/g, "    ")
    .split("\n")
    .map((line) => line.replace(/\s+$/, ""));
  const collapsed: string[] = [];
  for (const line of lines) {
    if (line === "" && (collapsed.length === 0 || collapsed[collapsed.length - 1] === "")) continue;
    collapsed.push(line);
  }
  while (collapsed[collapsed.length - 1] === "") collapsed.pop();
  // Strip the indentation every line shares, as ruff does.
  const indents = collapsed
    .filter((line) => line.trim() !== "")
    .map((line) => line.length - line.trimStart().length);
  const common = indents.length > 0 ? Math.min(...indents) : 0;
  return collapsed.map((line) => line.slice(common));
}

function escapeDocLine(line: string): string {
  return line.replace(/\\/g, "\\\\").replace(/"""/g, '\\"\\"\\"');
}

/** Summary and description joined as one text. */
export function joinDocs(...parts: (string | undefined)[]): string | undefined {
  const present = parts.map((part) => part?.trim()).filter((part): part is string => !!part);
  const unique = present.filter((part, index) => present.indexOf(part) === index);
  return unique.length > 0 ? unique.join("\n\n") : undefined;
}
