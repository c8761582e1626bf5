/** Indentation-aware line builder for Ruby source (two spaces per level, no trailing whitespace). */
export class RubyWriter {
  readonly #lines: string[] = [];
  #depth = 0;

  /** One line at the current depth; an empty call adds a blank line. */
  line(text = ""): this {
    this.#lines.push(text === "" ? "" : `${"  ".repeat(this.#depth)}${text}`);
    return this;
  }

  /** Several lines at the current depth. */
  lines(texts: readonly string[]): this {
    for (const text of texts) this.line(text);
    return this;
  }

  /** `# ` comment lines at the current depth (an empty string becomes a bare `#`). */
  comment(texts: readonly string[]): this {
    for (const text of texts) this.line(text === "" ? "#" : `# ${text}`);
    return this;
  }

  /** `open`, the body one level deeper, then `close` ("end" by default). */
  block(open: string, body: () => void, close = "end"): this {
    this.line(open);
    this.#depth++;
    body();
    this.#depth--;
    return this.line(close);
  }

  /** Runs `body` one level deeper. */
  indented(body: () => void): this {
    this.#depth++;
    body();
    this.#depth--;
    return this;
  }

  /** Blank line unless the previous line is already blank or opens a block. */
  gap(): this {
    const last = this.#lines.at(-1);
    if (
      last !== undefined &&
      last.trim() !== "" &&
      !/(^|\s)(module|class|def|do|begin)\b|[{|]\s*$/.test(last.trim())
    )
      this.#lines.push("");
    return this;
  }

  /** Spaces of the current indentation, for width computations. */
  get indentWidth(): number {
    return this.#depth * 2;
  }

  toString(): string {
    return `${this.#lines.join("\n").replace(/\n{3,}/g, "\n\n")}\n`;
  }
}
