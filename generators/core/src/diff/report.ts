/** How a change affects the users of one SDK. */
export type Level = "breaking" | "additive" | "none";

const RANK: Record<Level, number> = { none: 0, additive: 1, breaking: 2 };

/** The more severe of two levels. */
export const maxLevel = (a: Level, b: Level): Level => (RANK[a] >= RANK[b] ? a : b);

/** True when `level` is at least as severe as `floor`. */
export const atLeast = (level: Level, floor: Level): boolean => RANK[level] >= RANK[floor];

/** One change to the public surface, classified per language. */
export interface Change {
  /** Plan path of what changed, e.g. `methods/bots.delete/params/bot_id`. */
  path: string;
  /** What changed, in neutral terms (wire names, spec names). */
  reason: string;
  /** The classification for each language compared. */
  levels: Record<string, Level>;
  /** Per-language detail where the languages differ (e.g. the identifiers a rename touches). */
  detail?: Record<string, string>;
}

/** Everything `diff` found between two specs. */
export interface DiffReport {
  /** Label of the old spec (a file, or `rev:path`). */
  base: string;
  /** Label of the new spec. */
  head: string;
  /** Languages compared, in output order. */
  languages: string[];
  /** Changes sorted by path. */
  changes: Change[];
}

/** Counts of changes per level. */
export interface LevelCounts {
  breaking: number;
  additive: number;
  none: number;
}

/** Per-language and overall figures of a report. */
export interface DiffSummary extends LevelCounts {
  /** The most severe level over all languages (what the fixed group's bump follows). */
  level: Level;
  languages: Record<string, LevelCounts & { level: Level }>;
}

/** The most severe level any language gives a change. */
export const changeLevel = (change: Change): Level =>
  Object.values(change.levels).reduce<Level>(maxLevel, "none");

/** Count changes overall (by their most severe level) and per language. */
export function summarize(report: DiffReport): DiffSummary {
  const overall = countBy(report.changes.map(changeLevel));
  const languages = Object.fromEntries(
    report.languages.map((language) => {
      const counts = countBy(report.changes.map((change) => change.levels[language] ?? "none"));
      return [language, { ...counts, level: levelOfCounts(counts) }];
    }),
  );
  return { ...overall, level: levelOfCounts(overall), languages };
}

/** `2 breaking, 3 additive, 1 none`. */
export const formatCounts = (counts: LevelCounts): string =>
  `${counts.breaking} breaking, ${counts.additive} additive, ${counts.none} none`;

function countBy(levels: Level[]): LevelCounts {
  const counts: LevelCounts = { breaking: 0, additive: 0, none: 0 };
  for (const level of levels) counts[level]++;
  return counts;
}

function levelOfCounts(counts: LevelCounts): Level {
  return counts.breaking > 0 ? "breaking" : counts.additive > 0 ? "additive" : "none";
}
