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
