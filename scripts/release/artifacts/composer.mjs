// PHP: `composer archive` (zip), unpacked and installed through a path repository into a clean project with
// Packagist disabled (the SDK needs only PHP extensions), then the seed snippet runs on Composer's autoloader.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../../lib/toolchain.mjs";
import { capture, checkContents, checkSeedOutput } from "./common.mjs";

export async function buildComposer(work, env) {
  const pkg = join(ROOT, "packages/php");
  if (!existsSync(join(pkg, "composer.json"))) {
    throw new Error("packages/php has no composer.json on this branch: the PHP SDK is not generated yet");
  }
  const version = JSON.parse(readFileSync(join(pkg, "package.json"), "utf8")).version;
  const dir = join(work, "composer");
  mkdirSync(dir, { recursive: true });
  const composerEnv = {
    ...process.env,
    COMPOSER_HOME: join(work, "composer-home"),
    COMPOSER_NO_INTERACTION: "1",
  };
  await capture("composer", ["archive", "--format=zip", `--dir=${dir}`, `--file=embott-${version}`], {
    cwd: pkg,
    env: composerEnv,
  });
  const zip = join(dir, `embott-${version}.zip`);
  const files = (await capture("unzip", ["-Z1", zip])).split("\n").filter(Boolean);
  const problems = checkContents("Composer archive", files, [
    /^composer\.json$/,
    /^src\/Client\.php$/,
    /^LICENSE$/,
  ]);
  const unpacked = join(dir, "embott");
  await capture("unzip", ["-q", zip, "-d", unpacked]);
  const constant = /const VERSION = '([^']+)'/.exec(
    readFileSync(join(unpacked, "src/Client.php"), "utf8"),
  )?.[1];
  const app = join(work, "composer-app");
  mkdirSync(app, { recursive: true });
  writeFileSync(
    join(app, "composer.json"),
    JSON.stringify({
      repositories: [
        { type: "path", url: unpacked, options: { symlink: false, versions: { "embott/embott": version } } },
        { "packagist.org": false },
      ],
      require: { "embott/embott": version },
    }),
  );
  await capture("composer", ["install", "--no-progress", "--quiet"], { cwd: app, env: composerEnv });
  const output = await capture("php", [join(ROOT, "scripts/release/seeds/seed.php")], {
    cwd: app,
    env: { ...env, SEED_AUTOLOAD: join(app, "vendor/autoload.php") },
  });
  problems.push(...checkSeedOutput("embott/embott", output));
  return [
    {
      name: "Composer embott/embott",
      file: zip,
      version: constant ?? "(no Client::VERSION)",
      problems,
      ran: true,
    },
  ];
}
