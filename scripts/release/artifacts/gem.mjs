// Ruby: `gem build`, installed alone into a fresh GEM_HOME, seed snippet run.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../../lib/toolchain.mjs";

export function buildGem() {
  if (!existsSync(join(ROOT, "packages/ruby/embott.gemspec"))) {
    throw new Error("packages/ruby has no embott.gemspec on this branch: the Ruby SDK is not generated yet");
  }
  throw new Error("the gem builder is not wired yet");
}
