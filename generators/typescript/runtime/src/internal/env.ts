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
