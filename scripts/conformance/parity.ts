// Parity: every SDK exposes exactly the SdkPlan's resources and methods, each cased by its language's naming refiner,
// plus the webhook helpers (verify, unwrap, generate test header) on `webhooks`. Also checks that the scenarios
// call every operation. Usage: tsx scripts/conformance/parity.ts <out.json>
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  allResources,
  buildIR,
  buildPlan,
  type LanguageNaming,
  loadSpec,
  type SdkPlan,
} from "../../generators/core/src/index";
import { phpNaming } from "../../generators/php/src/naming";
import { pythonNaming } from "../../generators/python/src/naming";
import { rubyNaming } from "../../generators/ruby/src/naming";
import { typescriptNaming } from "../../generators/typescript/src/naming";
import { Embott } from "../../packages/typescript/src/index";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const WEBHOOK_HELPERS = [["verify"], ["unwrap"], ["generate", "test", "header"]];

type Surface = Record<string, string[]>;

interface LanguageParity {
  naming: LanguageNaming;
  /** The SDK's actual surface, or a string saying why it cannot be read. */
  read(): Surface | string;
}

/** resource → methods the plan asks for (resource accessors dotted for nested ones), cased for one language. */
function expectedSurface(plan: SdkPlan, naming: LanguageNaming): Surface {
  const surface: Surface = {};
  const accessor = new Map<string, string>();
  for (const resource of allResources(plan)) {
    const parent = resource.id.includes(".")
      ? accessor.get(resource.id.slice(0, resource.id.lastIndexOf(".")))
      : undefined;
    const name = [parent, naming.identifier(resource.property, "resource")].filter(Boolean).join(".");
    accessor.set(resource.id, name);
    const methods = resource.methods.map((method) => naming.identifier(method.name, "method"));
    if (resource.verifiesWebhooks)
      methods.push(...WEBHOOK_HELPERS.map((words) => naming.identifier(words, "method")));
    if (methods.length > 0) surface[name] = methods;
  }
  return surface;
}

/** The TS client's resources: enumerable properties whose prototype chain reaches APIResource. */
function typescriptSurface(): Surface {
  const client = new Embott({ apiKey: "sk_live_parity_0001", baseURL: "http://127.0.0.1:9/v1" });
  const surface: Surface = {};
  for (const [name, value] of Object.entries(client)) {
    if (typeof value !== "object" || value === null || value.constructor === Object) continue;
    const methods = new Set<string>();
    for (let proto = Object.getPrototypeOf(value); proto && proto.constructor.name !== "APIResource"; ) {
      for (const key of Object.getOwnPropertyNames(proto)) {
        if (key !== "constructor" && typeof proto[key] === "function") methods.add(key);
      }
      proto = Object.getPrototypeOf(proto);
    }
    if (methods.size > 0) surface[name] = [...methods];
  }
  return surface;
}

/** Runs a language's surface dumper (prints `{ resource: [methods] }` as JSON). */
function externalSurface(
  probe: string,
  command: string[],
  env: Record<string, string> = {},
): Surface | string {
  if (!existsSync(join(ROOT, probe))) return `${probe} does not exist on this branch`;
  const run = spawnSync(command[0]!, command.slice(1), {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, ...env },
  });
  if (run.error) return `could not run ${command[0]}: ${run.error.message}`;
  if (run.status !== 0)
    return `${command.join(" ")} failed: ${(run.stderr || run.stdout).trim().slice(-500)}`;
  try {
    return JSON.parse(run.stdout) as Surface;
  } catch {
    return `${command.join(" ")} printed no JSON surface: ${run.stdout.slice(0, 200)}`;
  }
}

const LANGUAGES: Record<string, LanguageParity> = {
  typescript: { naming: typescriptNaming, read: typescriptSurface },
  python: {
    naming: pythonNaming,
    read: () =>
      externalSurface(
        "packages/python/tests/conformance/surface.py",
        [join(ROOT, "packages/python/.venv/bin/python"), "packages/python/tests/conformance/surface.py"],
        { PYTHONPATH: join(ROOT, "packages/python/src") },
      ),
  },
  php: {
    naming: phpNaming,
    read: () =>
      externalSurface("packages/php/tests/Conformance/surface.php", [
        "php",
        "packages/php/tests/Conformance/surface.php",
      ]),
  },
  ruby: {
    naming: rubyNaming,
    read: () =>
      externalSurface("packages/ruby/test/conformance/surface.rb", [
        "ruby",
        "-Ipackages/ruby/lib",
        "packages/ruby/test/conformance/surface.rb",
      ]),
  },
};

function compare(expected: Surface, actual: Surface): string[] {
  const problems: string[] = [];
  for (const resource of Object.keys(expected)) {
    if (!(resource in actual)) {
      problems.push(`missing resource ${resource}`);
      continue;
    }
    const have = new Set(actual[resource]);
    const want = new Set(expected[resource]);
    const missing = [...want].filter((method) => !have.has(method));
    const extra = [...have].filter((method) => !want.has(method));
    if (missing.length > 0) problems.push(`${resource} lacks ${missing.join(", ")}`);
    if (extra.length > 0) problems.push(`${resource} has methods the plan does not: ${extra.join(", ")}`);
  }
  const extraResources = Object.keys(actual).filter((resource) => !(resource in expected));
  if (extraResources.length > 0)
    problems.push(`resources the plan does not have: ${extraResources.join(", ")}`);
  return problems;
}

/** Method ids (`resource.method`, as `pnpm codegen inspect` prints them) called by any scenario step. */
function calledOperations(): Set<string> {
  const dir = join(ROOT, "testdata", "conformance", "scenarios");
  const called = new Set<string>();
  for (const file of readdirSync(dir).filter((name) => name.endsWith(".json"))) {
    const scenario = JSON.parse(readFileSync(join(dir, file), "utf8")) as { steps: { call?: string }[] };
    for (const step of scenario.steps) if (step.call) called.add(step.call);
  }
  return called;
}

const out = process.argv[2];
if (!out) throw new Error("usage: tsx scripts/conformance/parity.ts <out.json>");
const spec = await loadSpec(join(ROOT, "spec", "openapi.yaml"));
const plan = buildPlan(buildIR(spec), { document: spec.document });
const languages: Record<string, { ok: boolean; problems: string[] }> = {};
for (const [id, language] of Object.entries(LANGUAGES)) {
  const actual = language.read();
  const problems =
    typeof actual === "string" ? [actual] : compare(expectedSurface(plan, language.naming), actual);
  languages[id] = { ok: problems.length === 0, problems };
}
const called = calledOperations();
const planned = allResources(plan).flatMap((resource) => resource.methods.map((method) => method.id));
const uncovered = planned.filter((id) => !called.has(id));
const unknown = [...called].filter((id) => !planned.includes(id));
const coverage = {
  ok: uncovered.length === 0 && unknown.length === 0,
  problems: [
    ...uncovered.map((id) => `no scenario calls ${id}`),
    ...unknown.map((id) => `scenarios call ${id}, which the plan does not have`),
  ],
};
writeFileSync(out, `${JSON.stringify({ languages, coverage }, null, 2)}\n`);
for (const [id, result] of Object.entries(languages)) {
  console.log(`${result.ok ? "✓" : "✗"} ${id}${result.ok ? "" : `: ${result.problems.join("; ")}`}`);
}
console.log(`${coverage.ok ? "✓" : "✗"} coverage${coverage.ok ? "" : `: ${coverage.problems.join("; ")}`}`);
