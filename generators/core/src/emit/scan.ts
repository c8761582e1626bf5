import { open, readdir } from "node:fs/promises";
import { join } from "node:path";
import { isGeneratedContents } from "./header";
import { eachLimited } from "./limited";

const SKIPPED_DIRECTORIES = new Set(["node_modules", ".git", "vendor", "dist", ".venv", "__pycache__"]);

/** Absolute paths of files under `root` whose first lines carry the generated-file marker. */
export async function findGeneratedFiles(root: string): Promise<string[]> {
  const files = await listFiles(root);
  const marked: boolean[] = new Array(files.length);
  await eachLimited(files, async (path, index) => {
    marked[index] = await startsWithMarker(path);
  });
  return files.filter((_, index) => marked[index]).sort();
}

/** Every file under `root`, skipping dependency, build and staging folders. */
async function listFiles(root: string): Promise<string[]> {
  const files: string[] = [];
  const entries = await readdir(root, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    const path = join(root, entry.name);
    if (
      entry.isDirectory() &&
      !SKIPPED_DIRECTORIES.has(entry.name) &&
      !entry.name.startsWith(".embott-codegen")
    ) {
      files.push(...(await listFiles(path)));
    } else if (entry.isFile()) {
      files.push(path);
    }
  }
  return files;
}

async function startsWithMarker(path: string): Promise<boolean> {
  const handle = await open(path, "r");
  try {
    const buffer = Buffer.alloc(512);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return isGeneratedContents(buffer.subarray(0, bytesRead).toString("utf8"));
  } finally {
    await handle.close();
  }
}
