import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseYaml as parse } from "@redocly/openapi-core";
import { type Change, type DiffReport, formatCounts, type Level, summarize } from "./report";

/** A semver bump as changesets writes it. */
export type Bump = "major" | "minor" | "patch";

const BUMP_RANK: Record<Bump, number> = { patch: 0, minor: 1, major: 2 };

/** The fixed group of packages the SDKs release in, and its current version. */
export interface ReleaseGroup {
  packages: string[];
  version: string;
}

/** `.changeset/config.json` or a package could not be read, or names no fixed group with the SDK. */
export class ChangesetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ChangesetError";
  }
}

/**
 * The bump a level implies: breaking → major, additive → minor, none → patch; while the version is 0.x, semver's
 * convention shifts each down one (breaking → minor, additive → patch, none → patch).
 */
export function bumpFor(level: Level, version: string): Bump {
  const initial = /^0\./.test(version);
  if (level === "breaking") return initial ? "minor" : "major";
  if (level === "additive") return initial ? "patch" : "minor";
  return "patch";
}

/** True when `declared` covers `required`. */
export const covers = (declared: Bump | undefined, required: Bump): boolean =>
  declared !== undefined && BUMP_RANK[declared] >= BUMP_RANK[required];

/**
 * The fixed group (from `.changeset/config.json`) holding `sdkPackage` (default: the first fixed group), with the
 * version of its packages as found in `packages/<dir>/package.json`.
 */
export function readReleaseGroup(root: string, sdkPackage?: string): ReleaseGroup {
  const configFile = join(root, ".changeset", "config.json");
  let fixed: unknown;
  try {
    fixed = (JSON.parse(readFileSync(configFile, "utf8")) as { fixed?: unknown }).fixed;
  } catch (error) {
    throw new ChangesetError(`cannot read ${configFile}: ${(error as Error).message}`);
  }
  const groups = Array.isArray(fixed) ? fixed.filter((group): group is string[] => Array.isArray(group)) : [];
  const group =
    sdkPackage === undefined ? groups[0] : groups.find((candidate) => candidate.includes(sdkPackage));
  if (!group || group.length === 0)
    throw new ChangesetError(
      `${configFile} has no "fixed" group${sdkPackage ? ` containing "${sdkPackage}"` : ""}; the SDKs release as one`,
    );
  const versions = workspaceVersions(root);
  const version = group.map((name) => versions.get(name)).find((found) => found !== undefined);
  if (version === undefined)
    throw new ChangesetError(`no package.json under packages/ names ${group.join(", ")}`);
  return { packages: group, version };
}

function workspaceVersions(root: string): Map<string, string> {
  const versions = new Map<string, string>();
  const packagesDir = join(root, "packages");
  for (const entry of existsSync(packagesDir) ? readdirSync(packagesDir) : []) {
    const file = join(packagesDir, entry, "package.json");
    if (!existsSync(file)) continue;
    const manifest = JSON.parse(readFileSync(file, "utf8")) as { name?: string; version?: string };
    if (manifest.name && manifest.version) versions.set(manifest.name, manifest.version);
  }
  return versions;
}

/** The changeset's markdown: the group's bump in the front matter, then what changed for users of each SDK. */
export function renderChangeset(report: DiffReport, group: ReleaseGroup, bump: Bump): string {
  const summary = summarize(report);
  const lines = ["---", ...group.packages.map((name) => `"${name}": ${bump}`), "---", ""];
  lines.push(
    `SDK surface changes from the spec (${report.base} → ${report.head}): ${formatCounts(summary)}.`,
  );
  for (const language of report.languages) {
    const counts = summary.languages[language]!;
    const visible = report.changes.filter((change) => (change.levels[language] ?? "none") !== "none");
    lines.push("", `**${language}**: ${counts.level} (${formatCounts(counts)})`);
    if (visible.length > 0) lines.push("");
    for (const change of visible) lines.push(`- ${change.levels[language]}: ${describe(change, language)}`);
  }
  return `${lines.join("\n")}\n`;
}

function describe(change: Change, language: string): string {
  const detail = change.detail?.[language];
  return `${change.reason}${detail ? ` (\`${detail}\`)` : ""} — \`${change.path}\``;
}

/** Write `.changeset/<name>.md` for the report; returns the file and the bump. */
export function writeChangeset(
  root: string,
  report: DiffReport,
  group: ReleaseGroup,
  name: string,
): { file: string; bump: Bump } {
  const bump = bumpFor(summarize(report).level, group.version);
  const file = join(root, ".changeset", `${name}.md`);
  writeFileSync(file, renderChangeset(report, group, bump));
  return { file, bump };
}

/** The largest bump pending changesets (`.changeset/*.md`) declare for any package of the group. */
export function pendingBump(root: string, group: ReleaseGroup): Bump | undefined {
  const dir = join(root, ".changeset");
  let largest: Bump | undefined;
  for (const entry of existsSync(dir) ? readdirSync(dir) : []) {
    if (!entry.endsWith(".md") || entry.toLowerCase() === "readme.md") continue;
    const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(join(dir, entry), "utf8"));
    if (!match) continue;
    let front: unknown;
    try {
      front = parse(match[1]!);
    } catch {
      continue;
    }
    if (front === null || typeof front !== "object") continue;
    for (const [name, bump] of Object.entries(front)) {
      if (!group.packages.includes(name) || !(bump in BUMP_RANK)) continue;
      if (largest === undefined || BUMP_RANK[bump as Bump] > BUMP_RANK[largest]) largest = bump as Bump;
    }
  }
  return largest;
}
