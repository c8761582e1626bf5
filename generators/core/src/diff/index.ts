export { type BaseSpec, BaseSpecError, resolveBaseSpec } from "./base-spec";
export {
  type Bump,
  bumpFor,
  ChangesetError,
  covers,
  pendingBump,
  type ReleaseGroup,
  readReleaseGroup,
  renderChangeset,
  writeChangeset,
} from "./changeset";
export { compareSurfaces } from "./compare";
export { formatJson, formatOneLine, formatTable } from "./format";
export { docsHash, surfaceFromPlan } from "./from-plan";
export { type DiffLanguage, diffLanguage, EXPOSURES, type LanguageExposure, type Side } from "./languages";
export {
  type Change,
  changeLevel,
  type DiffReport,
  type DiffSummary,
  type Level,
  type LevelCounts,
  summarize,
} from "./report";
export { readSnapshot, SNAPSHOT_FILE, snapshotFile } from "./snapshot";
export * from "./surface";
