import { type Change, type DiffReport, formatCounts, summarize } from "./report";

/**
 * The report as a table: one row per change with its level in each language, the plan path and the reason; where
 * the languages disagree, one indented line per language says what its callers see (e.g. the renamed identifier).
 */
export function formatTable(report: DiffReport): string {
  const lines = [`SDK surface changes: ${report.base} → ${report.head}`, ""];
  if (report.changes.length === 0) {
    lines.push("No change to any SDK's public surface.");
    return `${lines.join("\n")}\n`;
  }
  const widths = report.languages.map((language) => Math.max(language.length, "breaking".length));
  const row = (cells: string[], rest: string) =>
    `${cells.map((cell, index) => cell.padEnd(widths[index]!)).join("  ")}  ${rest}`.trimEnd();
  lines.push(row(report.languages, "change"));
  for (const change of report.changes) {
    lines.push(
      row(
        report.languages.map((language) => change.levels[language] ?? "none"),
        `${change.path}: ${change.reason}`,
      ),
    );
    if (change.detail && languagesDisagree(change))
      for (const language of report.languages)
        lines.push(`${" ".repeat(4)}${language}: ${change.detail[language] ?? ""}`);
  }
  const summary = summarize(report);
  lines.push("");
  for (const language of report.languages) {
    const counts = summary.languages[language]!;
    lines.push(`${language.padEnd(Math.max(...widths))}  ${counts.level.padEnd(8)}  ${formatCounts(counts)}`);
  }
  lines.push(
    `${"overall".padEnd(Math.max(...widths))}  ${summary.level.padEnd(8)}  ${formatCounts(summary)}`,
  );
  return `${lines.join("\n")}\n`;
}

/** The report and its summary as JSON (`--json`). */
export function formatJson(report: DiffReport): string {
  return `${JSON.stringify({ ...report, summary: summarize(report) }, null, 2)}\n`;
}

/** `2 breaking, 3 additive — run embott-codegen diff for details` (what `generate` prints). */
export function formatOneLine(report: DiffReport): string {
  const summary = summarize(report);
  if (report.changes.length === 0) return "spec changed; no change to any SDK's public surface";
  return `${summary.breaking} breaking, ${summary.additive} additive, ${summary.none} none — run embott-codegen diff for details`;
}

function languagesDisagree(change: Change): boolean {
  return new Set(Object.values(change.levels)).size > 1;
}
