// PHP: `composer archive`, installed through an artifact repository into a clean project, seed snippet run.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../../lib/toolchain.mjs";

export function buildComposer() {
  if (!existsSync(join(ROOT, "packages/php/composer.json"))) {
    throw new Error("packages/php has no composer.json on this branch: the PHP SDK is not generated yet");
  }
  throw new Error("the Composer artifact builder is not wired yet");
}
