/** Starting a worker thread from a module of this project, compiled or not. */
import { Worker } from 'node:worker_threads';

/**
 * Starts the worker whose entry is `entry` (a `.ts` URL beside the caller): the compiled `.js` directly; the `.ts`
 * (under tsx or vitest) through a bootstrap that first registers tsx's loader in the worker, since loader hooks of the
 * main thread do not reach a worker's entry.
 */
export function startProjectWorker(entry: URL, workerData: unknown, transferList: ArrayBuffer[] = []): Worker {
  if (!entry.href.endsWith('.ts')) return new Worker(entry, { workerData, transferList });
  const tsx = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); })`;
  return new Worker(bootstrap, { eval: true, workerData, transferList });
}

/** The URL of the sibling module `name` (without extension) of `base`, with `base`'s extension (`.ts` or `.js`). */
export function siblingModule(name: string, base: string): URL {
  return new URL(`./${name}${base.endsWith('.ts') ? '.ts' : '.js'}`, base);
}
