// Conformance: the neutral scenarios of testdata/conformance run by the TypeScript, Python, PHP and Ruby runners
// against the HTTP mock, printed as a matrix (scenarios × languages) with the parity check; every cell counts.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../lib/toolchain.mjs";

/** Toolchains come from each language's own check module (10-typescript, 20-python, …), which run first. */
export function setup() {}

export const steps = [
  {
    name: "conformance matrix (scenarios × TypeScript, Python, PHP, Ruby)",
    cmd: ["node", "scripts/conformance/matrix.mjs"],
    counts: () => JSON.parse(readFileSync(join(ROOT, ".conformance", "matrix.json"), "utf8")),
  },
];
