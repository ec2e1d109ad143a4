// Starts an office worker from the TypeScript sources (tests, `npx gongkai`): tsx compiles the entry.
// The built server starts dist/server/office-worker.mjs instead.
import { workerData } from 'node:worker_threads';

const { tsImport } = await import('tsx/esm/api');
await tsImport(workerData.entry, import.meta.url);
