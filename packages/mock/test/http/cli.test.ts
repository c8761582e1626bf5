import { spawn } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { readOptions } from "../../src/server/cli";

const ROOT = fileURLToPath(new URL("../../../..", import.meta.url));

describe("embott-mock command line", () => {
  it("skips the `--` pnpm 10 passes through (`pnpm start -- --port 0`)", () => {
    expect(readOptions(["--", "--port", "4010"]).port).toBe(4010);
    expect(() => readOptions(["--port", "4010", "extra"])).toThrow();
  });

  it("starts with `pnpm --filter @embott/mock start -- --port 0` as its README says", async () => {
    const child = spawn("pnpm", ["--silent", "--filter", "@embott/mock", "start", "--", "--port", "0"], {
      cwd: ROOT,
      stdio: ["pipe", "pipe", "pipe"],
    });
    try {
      const exited = once(child, "exit").then(([code]) => Promise.reject(new Error(`exited with ${code}`)));
      const [line] = (await Promise.race([
        once(createInterface({ input: child.stdout }), "line"),
        exited,
      ])) as [string];
      expect(line).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect((await fetch(`${line}/__mock/requests`)).status).toBe(200);
    } finally {
      child.stdin.end();
      child.kill("SIGTERM");
    }
  }, 20_000);
});

describe("embott-mock when its parent goes away", () => {
  it("exits instead of spinning when stdout and stderr are closed", async () => {
    const bin = fileURLToPath(new URL("../../bin/embott-mock.mjs", import.meta.url));
    const child = spawn(process.execPath, [bin, "--port", "0"], { stdio: ["pipe", "pipe", "pipe"] });
    const exited = once(child, "exit");
    try {
      await once(createInterface({ input: child.stdout }), "line");
      child.stdout.destroy();
      child.stderr.destroy();
      child.kill("SIGTERM"); // the mock writes "stopping" to the closed stderr
      const [code] = (await Promise.race([
        exited,
        new Promise((resolve) => setTimeout(() => resolve(["still running"]), 15_000)),
      ])) as [number | string];
      expect(code).not.toBe("still running");
    } finally {
      child.kill("SIGKILL");
    }
  }, 60_000);
});
