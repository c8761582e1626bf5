import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { generatedHeader, type LanguageTarget } from "@embott/codegen-core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { diff } from "../src/commands/diff";
import { generate } from "../src/commands/generate";
import { parseCliArgs, runCli, selectTargets } from "../src/index";
import { captureIO, tempDir } from "./helpers";

/** A small spec whose `Bot` schema lives in a sibling file, so a revision must bring its $ref along. */
function writeRepo(dir: string): void {
  mkdirSync(join(dir, "spec", "schemas"), { recursive: true });
  mkdirSync(join(dir, ".changeset"), { recursive: true });
  mkdirSync(join(dir, "packages", "sdk"), { recursive: true });
  writeFileSync(join(dir, "codegen.config.json"), JSON.stringify({ spec: "spec/openapi.yaml", outputs: {} }));
  writeFileSync(
    join(dir, ".changeset", "config.json"),
    JSON.stringify({ fixed: [["botco", "@botco/mock"]], baseBranch: "main" }),
  );
  writeFileSync(
    join(dir, "packages", "sdk", "package.json"),
    JSON.stringify({ name: "botco", version: "0.3.0" }),
  );
  writeFileSync(join(dir, "spec", "openapi.yaml"), SPEC);
  writeFileSync(join(dir, "spec", "schemas", "bot.yaml"), BOT);
}

const SPEC = `openapi: 3.1.0
info: { title: Botco, version: "1", description: Bots. }
x-embott-sdk: { clientName: Botco, packageName: botco, apiKeyEnv: BOTCO_API_KEY, baseUrlEnv: BOTCO_BASE_URL }
paths:
  /bots/{bot_id}:
    get:
      operationId: getBot
      tags: [bots]
      parameters: [{ name: bot_id, in: path, required: true, schema: { type: string } }]
      responses:
        "200": { description: ok, content: { application/json: { schema: { $ref: "./schemas/bot.yaml" } } } }
    delete:
      operationId: deleteBot
      tags: [bots]
      parameters: [{ name: bot_id, in: path, required: true, schema: { type: string } }]
      responses: { "204": { description: deleted } }
`;
const BOT = `type: object
required: [id, name]
properties:
  id: { type: string }
  name: { type: string }
`;

const git = (dir: string, ...args: string[]) =>
  execFileSync("git", args, { cwd: dir, stdio: "pipe" }).toString("utf8").trim();

function commitAll(dir: string, message: string): void {
  git(dir, "add", "-A");
  git(dir, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", message);
}

describe("embott-codegen diff", () => {
  let dir: string;
  let cwd: string;
  beforeEach(() => {
    cwd = process.cwd();
    dir = tempDir();
    writeRepo(dir);
    git(dir, "init", "-q", "-b", "main");
    commitAll(dir, "v1");
    process.chdir(dir);
  });
  afterEach(() => process.chdir(cwd));

  /** Make the head spec breaking (delete removed) and additive (bot gains an optional field). */
  function editHead(): void {
    const spec = readFileSync("spec/openapi.yaml", "utf8");
    writeFileSync("spec/openapi.yaml", spec.slice(0, spec.indexOf("    delete:")));
    writeFileSync("spec/schemas/bot.yaml", `${BOT}  avatar_url: { type: string }\n`);
  }

  it("--base REV reads the spec and its sibling $ref from that revision; prints the table", async () => {
    editHead();
    const io = captureIO();
    expect(await runCli(["diff", "--base", "main"], io)).toBe(0);
    const out = io.out();
    expect(out).toContain("SDK surface changes: main:spec/openapi.yaml → spec/openapi.yaml");
    expect(out).toMatch(
      /breaking\s+breaking\s+breaking\s+breaking\s+methods\/bots\.delete: method bots\.delete removed/,
    );
    expect(out).toMatch(/additive\s+additive\s+additive\s+additive\s+models\/Bot\/properties\/avatar_url/);
    expect(out).toMatch(/overall\s+breaking\s+1 breaking, 1 additive, 0 none/);
    expect(io.err()).toMatch(/✓ load \d+ ms main:spec\/openapi\.yaml/);
    expect(io.err()).not.toContain("embott-diff-base-");
  });

  it("--json prints the report with a per-language summary; --base FILE works too", async () => {
    editHead();
    const old = join(dir, "old");
    mkdirSync(join(old, "schemas"), { recursive: true });
    writeFileSync(join(old, "openapi.yaml"), SPEC);
    writeFileSync(join(old, "schemas", "bot.yaml"), BOT);
    const io = captureIO();
    expect(
      await diff({ base: join(old, "openapi.yaml"), json: true, languages: ["python", "php"] }, io),
    ).toBe(0);
    const report = JSON.parse(io.out());
    expect(report.languages).toEqual(["python", "php"]);
    expect(report.summary.languages.python).toEqual({ breaking: 1, additive: 1, none: 0, level: "breaking" });
    expect(report.changes[0]).toMatchObject({
      path: "methods/bots.delete",
      levels: { python: "breaking", php: "breaking" },
      detail: { python: "bots.delete", php: "bots.delete" },
    });
  });

  it("a $ref missing at the revision is a clear error, not a stack trace", async () => {
    git(dir, "rm", "-q", "spec/schemas/bot.yaml");
    commitAll(dir, "lost the schema");
    mkdirSync("spec/schemas", { recursive: true });
    writeFileSync("spec/schemas/bot.yaml", BOT);
    const io = captureIO();
    expect(await runCli(["diff", "--base", "HEAD"], io)).toBe(1);
    expect(io.err()).toContain(
      "✗ spec/openapi.yaml at HEAD refers to spec/schemas/bot.yaml, which does not exist at HEAD",
    );
    const bad = captureIO();
    expect(await runCli(["diff", "--base", "no-such-branch"], bad)).toBe(1);
    expect(bad.err()).toContain("--base no-such-branch: neither a spec file nor a git revision");
    expect(await runCli(["diff"], captureIO())).toBe(2);
  });

  it("an invalid spec at the revision names its problems as REV:path:line", async () => {
    writeFileSync("spec/openapi.yaml", SPEC.replace("openapi: 3.1.0", "openapi: 3.1.0\npaths: 12"));
    commitAll(dir, "broken");
    writeFileSync("spec/openapi.yaml", SPEC);
    const io = captureIO();
    expect(await runCli(["diff", "--base", "HEAD:spec/openapi.yaml"], io)).toBe(1);
    expect(io.err()).toMatch(/^HEAD:spec\/openapi\.yaml:\d+:\d+ /m);
    expect(io.err()).not.toContain("embott-diff-base-");
  });

  it("--changeset writes the fixed group's bump (0.x: breaking → minor) and what changed per language", async () => {
    editHead();
    const io = captureIO();
    expect(await runCli(["diff", "--base", "main", "--changeset"], io)).toBe(0);
    const files = readdirSync(".changeset").filter((name) => name.startsWith("sdk-surface-"));
    expect(files).toHaveLength(1);
    const text = readFileSync(join(".changeset", files[0]!), "utf8");
    expect(text.startsWith('---\n"botco": minor\n"@botco/mock": minor\n---\n')).toBe(true);
    expect(text).toContain("**python**: breaking (1 breaking, 1 additive, 0 none)");
    expect(text).toContain("- breaking: method bots.delete removed (`bots.delete`) — `methods/bots.delete`");
    expect(io.err()).toContain("minor for botco, @botco/mock (version 0.3.0)");
  });

  it("--require-changeset exits 1 until a pending changeset declares the bump", async () => {
    editHead();
    const first = captureIO();
    expect(await runCli(["diff", "--base", "main", "--require-changeset"], first)).toBe(1);
    expect(first.err()).toContain("the change is breaking, which needs a minor bump of botco, @botco/mock");
    writeFileSync(".changeset/small.md", '---\n"botco": patch\n---\n\nA fix.\n');
    expect(await runCli(["diff", "--base", "main", "--require-changeset"], captureIO())).toBe(1);
    writeFileSync(".changeset/release.md", '---\n"@botco/mock": minor\n---\n\nRelease.\n');
    const ok = captureIO();
    expect(await runCli(["diff", "--base", "main", "--require-changeset"], ok)).toBe(0);
    expect(ok.err()).toContain("a pending changeset declares minor (breaking needs minor)");
  });

  it("--require-changeset passes a docs-only change without a changeset", async () => {
    writeFileSync(
      "spec/openapi.yaml",
      SPEC.replace("operationId: getBot", "operationId: getBot\n      summary: Get"),
    );
    const io = captureIO();
    expect(await runCli(["diff", "--base", "main", "--require-changeset"], io)).toBe(0);
    expect(io.out()).toContain("methods/bots.get: method: docs changed");
  });
});

describe("diff arguments", () => {
  it("parses diff's options and keeps them to diff", () => {
    expect(parseCliArgs(["diff", "--base", "main", "--lang", "php,ruby", "--changeset"])).toMatchObject({
      command: "diff",
      base: "main",
      languages: ["php", "ruby"],
      changeset: true,
      requireChangeset: false,
    });
    expect(() => parseCliArgs(["generate", "--base", "main"])).toThrow(
      "--base, --changeset and --require-changeset",
    );
    expect(() => parseCliArgs(["diff", "--base", "main", "--out", "x"])).toThrow("diff takes no --out");
  });
});

const [typescript] = await selectTargets(["typescript"]);

describe("generate: one-line summary when the spec changed since the last generate", () => {
  const target: LanguageTarget = {
    ...typescript!,
    emitter: {
      language: "typescript",
      emit: async (plan, context) => [
        { path: "index.txt", contents: `${generatedHeader(context.specFile, "hash")}\n${plan.info.title}\n` },
      ],
    },
  };

  it("stores the surface beside the output and summarises the next spec's changes", async () => {
    const dir = tempDir();
    writeRepo(dir);
    const spec = join(dir, "spec", "openapi.yaml");
    const out = join(dir, "out");
    const run = async () => {
      const io = captureIO();
      const code = await generate({ spec, out, check: false, generatorVersion: "0" }, io, [target]);
      return { code, err: io.err() };
    };
    const first = await run();
    expect(first.code).toBe(0);
    expect(existsSync(join(out, "typescript", ".embott-codegen.surface.json"))).toBe(true);
    expect(first.err).not.toContain("spec changed");
    expect((await run()).err).not.toContain("spec changed");
    writeFileSync(spec, SPEC.slice(0, SPEC.indexOf("    delete:")));
    writeFileSync(join(dir, "spec", "schemas", "bot.yaml"), `${BOT}  avatar_url: { type: string }\n`);
    const second = await run();
    expect(second.err).toContain(
      "spec changed since the last generate: 1 breaking, 1 additive, 0 none — run embott-codegen diff for details",
    );
    const check = captureIO();
    expect(await generate({ spec, out, check: true, generatorVersion: "0" }, check, [target])).toBe(0);
  });
});
