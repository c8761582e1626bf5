// Runs one language's emitter in a worker thread, so the languages emit while hey-api prints the TypeScript types.
// Plain JavaScript (not bundled): it registers tsx, because the language packages are TypeScript sources.
import { parentPort, workerData } from "node:worker_threads";

const { module, exportName, plan, context } = workerData;
try {
  const { register } = await import("tsx/esm/api");
  register();
  const target = (await import(module))[exportName];
  if (!target?.emitter) throw new Error(`${module} has no emitter`);
  const files = await target.emitter.emit(plan, context);
  parentPort.postMessage({ files });
} catch (error) {
  const cause =
    error instanceof Error
      ? { name: error.name, message: error.message }
      : { name: "Error", message: String(error) };
  parentPort.postMessage({ error: cause });
}
