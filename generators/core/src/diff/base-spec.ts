import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, posix, relative, resolve, sep } from "node:path";
import { parseYaml as parse } from "@redocly/openapi-core";

/** The old spec could not be read: not a file, not a revision, or a `$ref` missing at that revision. */
export class BaseSpecError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BaseSpecError";
  }
}

/** The old spec as a file on disk, its label for reports, and how to remove what was materialised. */
export interface BaseSpec {
  file: string;
  label: string;
  /** Text naming materialised files with the names users know (`/tmp/…/spec/x.yaml` → `main:spec/x.yaml`). */
  relabel(text: string): string;
  cleanup(): void;
}

/**
 * `--base` is a spec file, a git revision (`main`, `HEAD~1`, a tag: the head spec's path at that revision) or
 * `REV:path`. A revision's spec is written to a temporary folder together with every file its `$ref`s reach, read
 * from the same revision, so relative refs resolve as they did then.
 */
export function resolveBaseSpec(base: string, headSpec: string, cwd = process.cwd()): BaseSpec {
  const asFile = resolve(cwd, base);
  if (existsSync(asFile) && statSync(asFile).isFile())
    return { file: asFile, label: base, relabel: (text) => text, cleanup: () => {} };
  const separator = base.indexOf(":");
  const revision = separator > 0 ? base.slice(0, separator) : base;
  if (!isRevision(revision, cwd))
    throw new BaseSpecError(`--base ${base}: neither a spec file nor a git revision of this repository`);
  const top = git(["rev-parse", "--show-toplevel"], cwd).toString("utf8").trim();
  const path =
    separator > 0
      ? posix.normalize(base.slice(separator + 1))
      : relative(top, resolve(cwd, headSpec)).split(sep).join("/");
  if (path.startsWith("..")) throw new BaseSpecError(`${headSpec} is outside the git repository ${top}`);
  const root = mkdtempSync(join(tmpdir(), "embott-diff-base-"));
  try {
    materialise(revision, path, root, top, new Set());
  } catch (error) {
    rmSync(root, { recursive: true, force: true });
    throw error;
  }
  return {
    file: join(root, path),
    label: `${revision}:${path}`,
    relabel: (text) => text.split(`${root}${sep}`).join(`${revision}:`),
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
}

function isRevision(revision: string, cwd: string): boolean {
  try {
    git(["rev-parse", "--verify", "--quiet", `${revision}^{commit}`], cwd);
    return true;
  } catch {
    return false;
  }
}

/** Write `path` at `revision` under `root`, then every relative `$ref` target it names. */
function materialise(
  revision: string,
  path: string,
  root: string,
  top: string,
  done: Set<string>,
  from?: string,
) {
  if (done.has(path)) return;
  done.add(path);
  let bytes: Buffer;
  try {
    bytes = git(["show", `${revision}:${path}`], top);
  } catch {
    throw new BaseSpecError(
      from
        ? `${from} at ${revision} refers to ${path}, which does not exist at ${revision}`
        : `${path} does not exist at ${revision}`,
    );
  }
  const target = join(root, path);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, bytes);
  let document: unknown;
  try {
    document = parse(bytes.toString("utf8"));
  } catch {
    return; // not YAML/JSON: the loader reports it with a line and column
  }
  for (const ref of externalRefs(document)) {
    const resolved = posix.normalize(posix.join(posix.dirname(path), ref));
    if (resolved.startsWith(".."))
      throw new BaseSpecError(`${path} at ${revision} refers to ${ref}, outside the repository`);
    materialise(revision, resolved, root, top, done, path);
  }
}

/** File parts of `$ref`s that point at other files (not `#/…`, not URLs). */
function externalRefs(node: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(node)) for (const item of node) externalRefs(item, found);
  else if (node !== null && typeof node === "object") {
    for (const [key, value] of Object.entries(node)) {
      if (key === "$ref" && typeof value === "string") {
        const file = value.split("#")[0]!;
        if (file !== "" && !/^[a-z][a-z0-9+.-]*:/i.test(file)) found.add(decodeURI(file));
      } else externalRefs(value, found);
    }
  }
  return found;
}

function git(args: string[], cwd: string): Buffer {
  return execFileSync("git", args, { cwd, stdio: ["ignore", "pipe", "pipe"], maxBuffer: 256 * 1024 * 1024 });
}
