import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

const BIN = fileURLToPath(new URL("../../bin/embott-mock.mjs", import.meta.url));

export interface MockProcess {
  url: string;
  child: ChildProcessWithoutNullStreams;
  exited: Promise<number | null>;
}

/** Spawns `embott-mock --port 0` (stdin piped) and reads the URL from its first stdout line. */
export async function spawnMock(args: string[] = []): Promise<MockProcess> {
  const child = spawn(process.execPath, [BIN, "--port", "0", ...args], { stdio: "pipe" });
  const exited = once(child, "exit").then(([code]) => code as number | null);
  const lines = createInterface({ input: child.stdout });
  const [url] = (await Promise.race([
    once(lines, "line"),
    exited.then((code) => Promise.reject(new Error(`exited with ${code}`))),
  ])) as [string];
  return { url, child, exited };
}
