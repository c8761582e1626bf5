/** Longest line of generated Ruby, comments included (the gem's rubocop allows 120). */
export const MAX_LINE = 120;

/**
 * Spec prose as YARD comment lines wrapped to fit `MAX_LINE` at `indent` columns: paragraphs and list items
 * kept, Markdown left as is (YARD renders it), and lines that would start with `@` (a YARD tag) escaped.
 */
export function docLines(text: string | undefined, indent: number, firstPrefix = ""): string[] {
  if (!text?.trim()) return [];
  const width = Math.max(40, MAX_LINE - indent - 2);
  const out: string[] = [];
  const blocks = text
    .trim()
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n/);
  blocks.forEach((block, index) => {
    if (index > 0) out.push("");
    const isCode = block.startsWith("```") || block.startsWith("    ");
    if (isCode) {
      for (const line of block.split("\n")) out.push(line.trimEnd());
      return;
    }
    for (const item of block.split(/\n(?=\s*(?:[-*+]|\d+\.)\s)/)) {
      const words = item.replace(/\s+/g, " ").trim();
      const bullet = /^([-*+]|\d+\.)\s/.exec(words);
      const hang = bullet ? " ".repeat(bullet[0].length) : "";
      out.push(...wrap(index === 0 && out.length === 0 ? `${firstPrefix}${words}` : words, width, hang));
    }
  });
  return out.map((line, position) =>
    line.startsWith("@") && (position > 0 || !firstPrefix) ? `\\${line}` : line,
  );
}

/** Greedy word wrap; a URL longer than the width stays whole on its own line, other long runs are cut. */
function wrap(text: string, width: number, hang: string): string[] {
  const lines: string[] = [];
  let current = "";
  const words = text
    .split(" ")
    .flatMap((word) =>
      word.length <= width || /https?:\/\//.test(word)
        ? [word]
        : (word.match(new RegExp(`.{1,${width}}`, "g")) ?? [word]),
    );
  for (const word of words) {
    if (current === "") current = word;
    else if (current.length + 1 + word.length <= width) current += ` ${word}`;
    else {
      lines.push(current);
      current = `${hang}${word}`;
    }
  }
  if (current) lines.push(current);
  return lines;
}

/** The first sentence of `text`, for one-line summaries. */
export function firstSentence(text: string | undefined): string | undefined {
  if (!text?.trim()) return undefined;
  const flat = text.trim().replace(/\s+/g, " ");
  const match = /^(.+?[.!?])(\s|$)/.exec(flat);
  return match ? match[1] : flat;
}

/** A YARD tag (`@param x [T] `) followed by `text` wrapped, continuation lines indented two more spaces. */
export function tagLines(tag: string, text: string, indent: number): string[] {
  const lines = docLines(text, indent + 2, tag);
  if (lines.length === 0) return [tag.trimEnd()];
  return [lines[0] ?? "", ...lines.slice(1).map((line) => (line === "" ? "" : `  ${line}`))];
}
