// Ruby: `gem build`, installed alone into a fresh GEM_HOME (`gem install --local`), seed snippet run.
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../../lib/toolchain.mjs";
import { capture, checkContents, checkSeedOutput } from "./common.mjs";

export async function buildGem(work, env) {
  const pkg = join(ROOT, "packages/ruby");
  if (!existsSync(join(pkg, "embott.gemspec"))) {
    throw new Error("packages/ruby has no embott.gemspec on this branch: the Ruby SDK is not generated yet");
  }
  const dir = join(work, "gem");
  mkdirSync(dir, { recursive: true });
  const out = await capture("gem", ["build", "embott.gemspec", "--output", join(dir, "embott.gem")], {
    cwd: pkg,
  });
  const gem = join(dir, "embott.gem");
  const version = /Version: (\S+)/.exec(out)?.[1] ?? "(unknown)";
  const files = (await capture("sh", ["-c", `tar -xOf '${gem}' data.tar.gz | tar -tzf -`]))
    .split("\n")
    .filter(Boolean);
  const problems = checkContents("gem", files, [/^lib\/embott\.rb$/, /^LICENSE$/]);
  const home = join(work, "gem-home");
  await capture("gem", ["install", "--local", "--no-document", "--install-dir", home, gem]);
  const output = await capture("ruby", [join(ROOT, "scripts/release/seeds/seed.rb")], {
    cwd: work,
    env: { ...env, GEM_HOME: home, GEM_PATH: home, RUBYOPT: "" },
  });
  problems.push(...checkSeedOutput("embott gem", output));
  return [{ name: "gem embott", file: gem, version, problems, ran: true }];
}
