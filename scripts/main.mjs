#!/usr/bin/env node
// `npm start`: set up, regenerate every SDK from spec/openapi.yaml, summarise the spec,
// then run each language's example against the mock served over HTTP.
import { MOCK_API_KEY, startMock } from "./lib/mock.mjs";
import { loadChecks } from "./lib/steps.mjs";
import { bootstrap, fail, run } from "./lib/toolchain.mjs";

bootstrap();
const checks = await loadChecks();
for (const check of checks) await check.setup?.();

function step(title, cmd, args, env) {
  console.log(`\n▶ ${title}`);
  const code = run(cmd, args, env ? { env: { ...process.env, ...env } } : {});
  if (code !== 0) fail(`${title} failed (exit ${code}).`);
}

step("regenerate the SDKs from spec/openapi.yaml", "pnpm", ["codegen", "generate"]);
step("summarise the spec", "pnpm", ["codegen", "inspect", "--spec", "spec/openapi.yaml"]);

console.log("\n▶ start the mock API server");
const mock = await startMock();
console.log(`  mock listening at ${mock.url}`);
const env = { EMBOTT_BASE_URL: `${mock.url}/v1`, EMBOTT_API_KEY: MOCK_API_KEY };
const examples = checks.filter((check) => check.example).map((check) => check.example);
try {
  for (const example of examples) step(example.title, example.cmd[0], example.cmd.slice(1), env);
} finally {
  mock.stop();
}
const missing = ["TypeScript", "Python", "PHP", "Ruby"].filter(
  (language) => !examples.some((example) => example.title.startsWith(language)),
);
console.log(
  `\n✓ regenerated from spec/openapi.yaml (languages with an emitter, listed above); ${examples.length} example(s) ran against one mock: ${examples.map((e) => e.title).join(", ")}` +
    (missing.length > 0 ? `\n• no example ran for ${missing.join(", ")}: not on this branch yet` : ""),
);
