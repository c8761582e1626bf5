// Runs one language's emitter in a worker thread, so the languages emit while hey-api prints the TypeScript types.
// The worker starts loading its emitter at once, while the main thread still reads the spec, and emits when the
// plan arrives (one message). Plain JavaScript (not bundled): it imports the language's build when the CLI runs
// from its own (`bundle`), else the TypeScript sources through tsx.
import { parentPort, workerData } from "node:worker_threads";

const { module, exportName, bundle } = workerData;

async function loadTarget() {
  if (!bundle) {
    const { register } = await import("tsx/esm/api");
    register();
  }
  return (await import(bundle ?? module))[exportName];
}

const loading = loadTarget();
loading.catch(() => undefined); // reported when the plan arrives

parentPort.once("message", async ({ plan, context }) => {
  try {
    const target = await loading;
    if (!target) throw new Error(`${module} does not export ${exportName}`);
    if (!target.emitter) parentPort.postMessage({ skipped: true });
    else parentPort.postMessage({ files: await target.emitter.emit(plan, context) });
  } catch (error) {
    const cause =
      error instanceof Error
        ? { name: error.name, message: error.message }
        : { name: "Error", message: String(error) };
    parentPort.postMessage({ error: cause });
  }
});
