import { Worker } from "node:worker_threads";
import type { EmitContext, GeneratedFile, SdkPlan } from "@embott/codegen-core";
import { selectLanguages, targetModule, threadedLanguages } from "./targets";

/** One language's emitter, in this thread or in a worker; `undefined` when the language has no emitter. */
export interface LanguageEmitter {
  language: string;
  emit(plan: SdkPlan, context: EmitContext): Promise<GeneratedFile[] | undefined>;
}

/**
 * The emit workers `generate` uses for `--lang` (none when one language emits in this thread, see
 * `threadedLanguages`). The CLI starts them first thing, so they load their emitters (hey-api and TypeScript
 * for the TypeScript one) while this thread loads the spec libraries and reads the spec.
 */
export function startEmitWorkers(names: string[] | undefined, parallel?: boolean): EmitWorker[] {
  const languages = selectLanguages(names);
  if (!(parallel ?? languages.length > 1)) return [];
  return threadedLanguages(languages).map((language) => new EmitWorker(language));
}

/** The worker script, from the sources (src/) or from the build (dist/). */
const WORKER = new URL("../worker/emit-worker.mjs", import.meta.url);

type WorkerReply = { files?: GeneratedFile[]; skipped?: boolean; error?: { name: string; message: string } };

/**
 * One language's emitter in a worker thread, started before the spec is read so that it loads its emitter
 * meanwhile; every language then emits at the same time as the others (hey-api's TypeScript types are the
 * longest stage), so all four cost about what the slowest one costs.
 */
export class EmitWorker implements LanguageEmitter {
  private readonly worker: Worker;
  private readonly reply: Promise<WorkerReply>;

  constructor(readonly language: string) {
    const { module, export: exportName, bundle } = targetModule(language)!;
    // A bundle's npm dependencies are CommonJS or ESM by their package.json or extension; without Node's syntax
    // detection, TypeScript's 9 MB `typescript.js` is not compiled once more just to learn it is CommonJS.
    const execArgv = bundle ? [...process.execArgv, "--no-experimental-detect-module"] : process.execArgv;
    this.worker = new Worker(WORKER, { workerData: { module, exportName, bundle }, execArgv });
    this.reply = new Promise((resolve, reject) => {
      this.worker.once("message", resolve);
      this.worker.once("error", (error) => reject(new EmitterError(language, error)));
      this.worker.once("exit", (code) =>
        reject(new EmitterError(language, { name: "Error", message: `worker exited (code ${code})` })),
      );
    });
    this.reply.catch(() => undefined); // awaited in emit(); a worker closed unused is no failure
  }

  async emit(plan: SdkPlan, context: EmitContext): Promise<GeneratedFile[] | undefined> {
    this.worker.postMessage({ plan, context });
    const reply = await this.reply;
    this.close();
    if (reply.files) return reply.files;
    if (reply.skipped) return undefined;
    throw new EmitterError(this.language, reply.error ?? { name: "Error", message: "no output" });
  }

  close(): void {
    void this.worker.terminate();
  }
}

/** An emitter failed (in a worker or inline); names the language and the cause, never a stack. */
export class EmitterError extends Error {
  constructor(language: string, cause: { name: string; message: string }) {
    super(`the ${language} emitter failed: ${cause.name}: ${cause.message}`);
    this.name = "EmitterError";
  }
}
