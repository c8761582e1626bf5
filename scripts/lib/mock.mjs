// The HTTP mock as a child process, for the scripts that run SDKs against it (npm start, conformance, release).
import { spawn } from "node:child_process";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { ROOT } from "./toolchain.mjs";

/** Fixture key with every scope (packages/mock/README.md). */
export const MOCK_API_KEY = "sk_live_admin_0001";

/** Starts `embott-mock --port 0` on 127.0.0.1; resolves with its URL and a `stop()` once it prints the URL. */
export function startMock() {
  const child = spawn(process.execPath, [join(ROOT, "packages/mock/bin/embott-mock.mjs"), "--port", "0"], {
    cwd: ROOT,
    stdio: ["pipe", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.once("line", (url) => resolve({ url: url.trim(), stop: () => child.kill("SIGTERM") }));
    child.once("exit", (code) =>
      reject(new Error(`embott-mock exited before printing its URL (code ${code})`)),
    );
  });
}
