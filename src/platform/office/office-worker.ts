import { parentPort } from 'node:worker_threads';
import { cleanBody } from '../../modules/catalog/document-content.ts';
import { fileText } from '../../modules/catalog/pii/scan-file.ts';
import { readDocxTable } from '../../modules/plans/import/read-docx-table.ts';
import { readXlsxTable } from '../../modules/plans/import/read-xlsx-table.ts';

/**
 * The worker thread that reads uploaded Office files, and sanitises long document bodies
 * (run-office-job.ts starts it). Each job is a pure function of its input; the parsing of a large or hostile file then blocks this thread,
 * under its own heap limit and the job's time limit, never the server's event loop.
 */
export const officeJobs = {
  /** Text of an attachment (.docx), for search and the PII gate. */
  'file-text': (input: { data: Uint8Array; name: string }) => fileText(Buffer.from(input.data.buffer, input.data.byteOffset, input.data.byteLength), input.name),
  /** The task-division table of a plan notice. */
  'docx-table': (input: { data: Uint8Array }) => readDocxTable(input.data),
  'xlsx-table': (input: { data: Uint8Array }) => readXlsxTable(input.data),
  /** A long document body: bounds checked, sanitised, its text (document-content.ts). */
  'clean-body': (input: { html: string }) => cleanBody(input.html),
};
export type OfficeJobs = typeof officeJobs;
export type OfficeJobName = keyof OfficeJobs;

interface Request {
  id: number;
  job: OfficeJobName;
  input: never;
}

const port = parentPort;
if (port) {
  port.on('message', async ({ id, job, input }: Request) => {
    try {
      const result = await officeJobs[job](input);
      port.postMessage({ id, result });
    } catch (err) {
      const e = err as Error & { code?: string; kind?: string };
      port.postMessage({ id, error: { name: e.name, message: e.message, code: e.code, kind: e.kind } });
    }
  });
  port.postMessage({ ready: true });
}
