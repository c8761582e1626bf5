/**
 * A tiny code builder for generated TypeScript: it owns indentation, blank-line discipline and JSDoc layout, so
 * emitters describe structure (lines, blocks, docs) and never concatenate indentation by hand.
 */
export class CodeWriter {
  private readonly lines: string[] = [];
  private depth = 0;

  constructor(private readonly indentUnit = "  ") {}

  /** Appends one line at the current indentation (an empty call appends a blank line). */
  line(text = ""): this {
    this.lines.push(text === "" ? "" : this.indentUnit.repeat(this.depth) + text);
    return this;
  }

  /** Appends a blank line unless the output is empty or already ends with one. */
  blank(): this {
    const last = this.lines.at(-1);
    if (last !== undefined && last !== "") this.lines.push("");
    return this;
  }

  /** Writes `opener {`, the indented body, then the closer (default `}`). */
  block(opener: string, body: (writer: this) => void, closer = "}"): this {
    this.line(`${opener} {`);
    this.indented(body);
    return this.line(closer);
  }

  /** Runs `body` one level deeper. */
  indented(body: (writer: this) => void): this {
    this.depth += 1;
    body(this);
    this.depth -= 1;
    return this;
  }

  /** Writes a JSDoc comment from free text plus tag lines; writes nothing when both are empty. */
  doc(text: string | undefined, tags: readonly string[] = []): this {
    const body = [...docLines(text), ...(text?.trim() && tags.length > 0 ? [""] : []), ...tags];
    if (body.length === 0) return this;
    if (body.length === 1) return this.line(`/** ${body[0]} */`);
    this.line("/**");
    for (const text of body) this.line(text === "" ? " *" : ` * ${text}`);
    return this.line(" */");
  }

  /** Appends another writer's or a raw multi-line string's lines at the current indentation. */
  raw(text: string): this {
    for (const line of text.replace(/\n$/, "").split("\n")) this.line(line);
    return this;
  }

  toString(): string {
    while (this.lines.at(-1) === "") this.lines.pop();
    return `${this.lines.join("\n")}\n`;
  }
}

/** Splits doc text into lines safe inside a block comment (a `*\/` in the text would end the comment early). */
function docLines(text: string | undefined): string[] {
  const trimmed = text?.trim();
  if (!trimmed) return [];
  return trimmed
    .replaceAll("*/", "*\\/")
    .split(/\r?\n/)
    .map((line) => line.trimEnd());
}
