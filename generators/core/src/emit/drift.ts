import { readFile } from "node:fs/promises";
import { relative } from "node:path";
import { eachLimited } from "./limited";
import { resolveOutputPaths } from "./paths";
import { findGeneratedFiles } from "./scan";
import type { OutputSet } from "./write";

/** Files whose committed state differs from what the spec produces (paths relative to cwd). */
export interface DriftReport {
  /** Exists with different contents. */
  changed: string[];
  /** Would be created. */
  missing: string[];
  /** Carries the generated marker but is no longer produced; generate would delete it. */
  stale: string[];
}

/** Compare what would be written with what is on disk, without writing anything. Scaffold files are skipped. */
export async function checkDrift(outputs: OutputSet[]): Promise<DriftReport> {
  const report: DriftReport = { changed: [], missing: [], stale: [] };
  for (const output of outputs) {
    const targets = resolveOutputPaths(output.outDir, output.files);
    const compared = [...targets].filter(([, file]) => !file.scaffold);
    const states: ("missing" | "changed" | undefined)[] = new Array(compared.length);
    await eachLimited(compared, async ([target, file], index) => {
      const current = await readFile(target, "utf8").catch(() => undefined);
      states[index] = current === undefined ? "missing" : current === file.contents ? undefined : "changed";
    });
    compared.forEach(([target], index) => {
      const state = states[index];
      if (state) report[state].push(relative(process.cwd(), target));
    });
    for (const existing of await findGeneratedFiles(output.outDir)) {
      if (!targets.has(existing)) report.stale.push(relative(process.cwd(), existing));
    }
  }
  return report;
}

/** True when nothing differs. */
export const isClean = (report: DriftReport): boolean =>
  report.changed.length + report.missing.length + report.stale.length === 0;
