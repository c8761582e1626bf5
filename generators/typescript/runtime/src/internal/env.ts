/** Reads an environment variable on Node, Bun, Deno (with permission) and returns undefined elsewhere. */
export function readEnv(name: string | undefined): string | undefined {
  if (!name) return undefined;
  const runtime = globalThis as {
    process?: { env?: Record<string, string | undefined> };
    Deno?: { env?: { get?: (key: string) => string | undefined } };
  };
  let value: string | undefined;
  try {
    value = runtime.process?.env?.[name] ?? runtime.Deno?.env?.get?.(name);
  } catch {
    return undefined; // Deno without --allow-env throws
  }
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/**
 * True in a browser page: `window` and `document` exist and it is not Node (jsdom), Deno or Bun. Web workers and
 * edge runtimes (Cloudflare Workers) have no `document`, so they are not browsers here.
 */
export function isBrowserLike(scope: object = globalThis): boolean {
  const runtime = scope as {
    window?: unknown;
    document?: unknown;
    process?: { versions?: { node?: string } };
    Deno?: unknown;
    Bun?: unknown;
  };
  if (runtime.window === undefined || runtime.document === undefined) return false;
  return (
    runtime.process?.versions?.node === undefined && runtime.Deno === undefined && runtime.Bun === undefined
  );
}
