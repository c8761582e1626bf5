import { MAX_LINE } from "./docs";
import type { RubyWriter } from "./ruby-writer";

/** A Ruby expression that can be laid out on one line or broken over several: `open items… close`. */
export type Expr = string | { open: string; items: Expr[]; close: string; pad?: boolean };

/** The expression on one line. */
export function inline(expr: Expr): string {
  if (typeof expr === "string") return expr;
  const inner = expr.items.map(inline).join(", ");
  return expr.pad && inner ? `${expr.open} ${inner} ${expr.close}` : `${expr.open}${inner}${expr.close}`;
}

/** Writes `prefix + expr + suffix` on one line when it fits, else breaks the outermost groups first. */
export function writeExpr(out: RubyWriter, expr: Expr, prefix = "", suffix = ""): void {
  const flat = `${prefix}${inline(expr)}${suffix}`;
  if (typeof expr === "string" || out.indentWidth + flat.length <= MAX_LINE || expr.items.length === 0) {
    out.line(flat);
    return;
  }
  out.line(`${prefix}${expr.open.trimEnd()}`);
  out.indented(() => {
    expr.items.forEach((item, position) => {
      writeExpr(out, item, "", position < expr.items.length - 1 ? "," : "");
    });
  });
  out.line(`${expr.close.trimStart()}${suffix}`);
}

/** `{ "key" => value, … }` (`pad`ded braces) from pairs. */
export function hashExpr(pairs: [string, string][]): Expr {
  return { open: "{", items: pairs.map(([key, value]) => `${key} => ${value}`), close: "}", pad: true };
}
