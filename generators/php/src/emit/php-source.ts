import { GENERATED_MARKER } from "@embott/codegen-core";

/** Longest line PSR-12 accepts without a warning. */
export const LINE_LIMIT = 120;

/**
 * The top of every generated PHP file: opening tag, the generated-file marker as its own header block (PSR-12
 * separates header blocks by one blank line), strict types and the namespace.
 */
export function fileHeader(specFile: string, namespace: string): string {
  return `<?php\n\n// ${GENERATED_MARKER} from ${specFile}. DO NOT EDIT.\n\ndeclare(strict_types=1);\n\nnamespace ${namespace};\n`;
}

/** `use` lines, sorted and de-duplicated, with the blank line after them; empty when there are none. */
export function useLines(classes: Iterable<string>): string {
  const sorted = [...new Set(classes)].sort((a, b) => a.localeCompare(b));
  return sorted.length === 0 ? "" : `${sorted.map((name) => `use ${name};`).join("\n")}\n\n`;
}

/** A PHP single-quoted string literal. */
export function phpString(value: string): string {
  return `'${value.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
}

/** A PHP literal for a JSON-like value (arrays become short arrays). */
export function phpValue(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (typeof value === "string") return phpString(value);
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "null";
  if (typeof value === "boolean") return value ? "true" : "false";
  if (Array.isArray(value)) return `[${value.map(phpValue).join(", ")}]`;
  const entries = Object.entries(value as Record<string, unknown>);
  return `[${entries.map(([key, item]) => `${phpString(key)} => ${phpValue(item)}`).join(", ")}]`;
}

/**
 * `[a, b]` on one line when it fits after `prefix` columns at `indent`, else one item per line (PSR-12 style).
 */
export function phpArray(items: readonly string[], indent: number, prefix: number): string {
  const inline = `[${items.join(", ")}]`;
  if (indent + prefix + inline.length + 2 <= LINE_LIMIT) return inline;
  const pad = " ".repeat(indent + 4);
  return `[\n${items.map((item) => `${pad}${item},\n`).join("")}${" ".repeat(indent)}]`;
}

/**
 * A call (or named argument) on one line when it fits the line limit, else one argument per line:
 * `callSource(8, "return f", ["$a", "$b"], ";")`.
 */
export function callSource(indent: number, head: string, args: readonly string[], tail: string): string {
  const pad = " ".repeat(indent);
  const inline = `${pad}${head}(${args.join(", ")})${tail}`;
  if (inline.length <= LINE_LIMIT) return inline;
  return `${pad}${head}(\n${args.map((arg) => `${pad}    ${arg},\n`).join("")}${pad})${tail}`;
}

/** `$this->name = new Class(arg);`, broken after `=` when the names are too long for one line. */
export function assignNew(indent: number, property: string, className: string, arg: string): string {
  const pad = " ".repeat(indent);
  const line = `${pad}$this->${property} = new ${className}(${arg});`;
  return line.length <= LINE_LIMIT ? line : `${pad}$this->${property} =\n${pad}    new ${className}(${arg});`;
}

/**
 * A line as is, preceded by a phpcs:ignore for its length when it still overflows (a declaration whose
 * identifiers, taken from the spec, are longer than the line).
 */
export function fitted(line: string): string {
  if (line.length <= LINE_LIMIT) return line;
  const pad = line.match(/^ */)?.[0] ?? "";
  return `${pad}// phpcs:ignore Generic.Files.LineLength.TooLong -- identifiers from the spec\n${line}`;
}

/** `['a', 'b']` */
export function phpList(values: readonly string[]): string {
  return `[${values.map(phpString).join(", ")}]`;
}

/**
 * A docblock at `indent` spaces: paragraphs of spec text wrapped to the line limit, then tags. Text that would
 * close the comment early is defused. Returns "" when there is nothing to say.
 */
export function docBlock(
  indent: number,
  paragraphs: readonly (string | undefined)[],
  tags: readonly string[] = [],
): string {
  const pad = " ".repeat(indent);
  const width = LINE_LIMIT - indent - 3;
  const body: string[] = [];
  for (const paragraph of paragraphs) {
    if (paragraph === undefined || paragraph.trim() === "") continue;
    if (body.length > 0) body.push("");
    for (const line of paragraph.trim().split("\n")) body.push(...wrap(safeComment(line.trimEnd()), width));
  }
  if (tags.length > 0 && body.length > 0) body.push("");
  for (const tag of tags) body.push(...wrapTag(safeComment(tag), width));
  if (body.length === 0) return "";
  if (body.length === 1 && `${pad}/** ${body[0]} */`.length <= LINE_LIMIT) return `${pad}/** ${body[0]} */\n`;
  return `${pad}/**\n${body.map((line) => (line === "" ? `${pad} *` : `${pad} * ${line}`)).join("\n")}\n${pad} */\n`;
}

/** The first sentence or line of a text, for one-line summaries. */
export function firstLine(text: string | undefined): string | undefined {
  const line = text?.trim().split("\n")[0]?.trim();
  return line === "" ? undefined : line;
}

function safeComment(text: string): string {
  return text.replace(/\*\//g, "*\\/");
}

function wrap(text: string, width: number): string[] {
  if (text.length <= width) return [text];
  const lines: string[] = [];
  let current = "";
  for (const word of text.split(/\s+/)) {
    if (current !== "" && current.length + 1 + word.length > width) {
      lines.push(current);
      current = word;
    } else {
      current = current === "" ? word : `${current} ${word}`;
    }
  }
  if (current !== "") lines.push(current);
  return lines;
}

/** Tags wrap with their continuation lines indented, as phpDoc tools expect. */
function wrapTag(tag: string, width: number): string[] {
  const [first = "", ...rest] = wrap(tag, width);
  return [first, ...rest.flatMap((line) => wrap(line, width - 4).map((part) => `    ${part}`))];
}
