// Release dry run: the four SDK artifacts (npm tarball, wheel + sdist, Composer archive, gem) built, checked for
// one version and no docs/tests, installed in clean places and run against the mock. Publishes nothing. Also
// checks that the hosted CI workflow runs exactly `.ci/run`.
export function setup() {}

export const steps = [
  { name: "CI workflow runs exactly .ci/run", cmd: ["node", "scripts/ci/check-workflow.mjs"] },
  {
    name: "release dry run (pnpm release:dry): build, version agreement, clean install, seed snippet",
    cmd: ["pnpm", "--silent", "release:dry"],
  },
];
