import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPRO_DIR } from "../../../testdata/corpus";
import { runCli } from "../src/index";
import { captureIO, tempDir, writePagedSpec } from "./helpers";

describe("embott-codegen inspect", () => {
  it("prints one line per operation with the recognised pagination style, then counts", async () => {
    const io = captureIO();
    const code = await runCli(["inspect", "--spec", writePagedSpec(tempDir())], io);
    expect(code).toBe(0);
    const lines = io.out().split("\n");
    expect(lines[0]).toMatch(/^items\.list\s+GET\s+\/items\s+pagination=offset$/);
    expect(lines[1]).toMatch(/^items\.listPages\s+GET\s+\/pages\s+pagination=page$/);
    expect(io.out()).toContain("webhook events: 0");
    expect(io.out()).toContain("models: 2");
    expect(io.err()).toMatch(/✓ load \d+ ms/);
    expect(io.err()).toMatch(/✓ ir \d+ ms/);
  });

  it("says how each pagination was recognised (repro pagination.yaml)", async () => {
    const io = captureIO();
    expect(await runCli(["inspect", "--spec", join(REPRO_DIR, "pagination.yaml")], io)).toBe(0);
    expect(io.out()).toContain("pagination (how each was recognised):");
    expect(io.out()).toMatch(
      /^ {2}things\.listStripeLike\s+cursor: query "starting_after", last item's "id" as next cursor, "has_more" flag/m,
    );
    expect(io.out()).toMatch(
      /^ {2}things\.listEnvelope\s+page: query "page", page count "result_info\.total_pages", items "result"/m,
    );
  });

  it("prints the whole IR with --json", async () => {
    const io = captureIO();
    await runCli(["inspect", "--json", "--spec", writePagedSpec(tempDir())], io);
    expect(JSON.parse(io.out())).toMatchObject({ irVersion: 1, info: { title: "Paged" } });
  });

  it("exits 1 with file:line:col pointer lines for an invalid spec", async () => {
    const path = join(tempDir(), "bad.yaml");
    writeFileSync(path, "openapi: 3.1.0\ninfo:\n  title: Bad\npaths: {}\n");
    const io = captureIO();
    expect(await runCli(["inspect", "--spec", path], io)).toBe(1);
    expect(io.err()).toContain(
      `${path}:2:1 #/info error: The field \`version\` must be present on this level.`,
    );
  });

  it.each(["openapi: 4.0.0\n", 'openapi: "3.0"\n', ""])(
    "exits 1 with a located problem and no stack trace for %j",
    async (versionLine) => {
      const path = join(tempDir(), "version.yaml");
      writeFileSync(path, `${versionLine}info: { title: T, version: "1" }\npaths: {}\n`);
      const io = captureIO();
      expect(await runCli(["inspect", "--spec", path], io)).toBe(1);
      expect(io.err()).toMatch(new RegExp(`^${path}:1:\\d+ #/openapi error: `));
      expect(io.err()).not.toMatch(/\n\s+at /);
    },
  );
});

describe("usage", () => {
  it.each([
    [["frobnicate"], /unknown command/],
    [["generate", "--spec", "x.yaml"], /--spec needs --out/],
    [["generate", "--bogus"], /Unknown option/],
    [["inspect", "--check"], /inspect takes only/],
    [["generate", "--spec", "x.yaml", "--out", "o", "--lang", "cobol"], /unknown language "cobol"/],
  ])("%j exits 2", async (argv, message) => {
    const io = captureIO();
    expect(await runCli(argv, io)).toBe(2);
    expect(io.err()).toMatch(message);
  });

  it("--help explains every command and option", async () => {
    const io = captureIO();
    expect(await runCli(["--help"], io)).toBe(0);
    for (const word of ["generate", "inspect", "--spec", "--out", "--lang", "--check", "Exit codes"])
      expect(io.out()).toContain(word);
  });
});
