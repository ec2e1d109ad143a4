/**
 * Issue 8 §3: what one hostile request costs the server. Drives the whole HTTP application in this
 * process (a fresh PGlite database, as the tests do) and, for each attack, prints the answer, the
 * wall time, the server's CPU time (this process, worker threads included), the peak RSS while it ran
 * and the longest stall of the event loop (a 5 ms timer; what every other request would wait), and
 * the latency of /api/health sent in the middle of it.
 *   npx tsx bench/input-bounds.ts
 * Attacks: a body of 100k nested <div> (1.1 MB), one of 1.5M lone "<"; a long body pasted from Word
 * (saved: sanitised in the worker thread); a .docx attachment that inflates to 300 MB (312 KB
 * on the wire), with true and with falsified sizes in its headers; the same as a plan import; an
 * .xlsx bomb as a plan import.
 */
import { eq } from 'drizzle-orm';
import os from 'node:os';
import { catalogColumns } from '../src/db/schema/index.ts';
import { closeOfficeWorker } from '../src/platform/office/run-office-job.ts';
import { docxBomb, xlsxBomb } from '../src/platform/office/test-support/build-zip-bombs.ts';
import { multipartBody } from '../src/testing/multipart.ts';
import { createTestApp, type ApiClient } from '../src/testing/test-app.ts';

const t = await createTestApp({});
const [{ id: columnId }] = await t.database.db.select({ id: catalogColumns.id }).from(catalogColumns).where(eq(catalogColumns.slug, 'tzgg'));
const editor = await t.userWith(['editor'], '区政府办公室');
const office = await t.userWith(['office_admin'], '区政府办公室');
const draft = { title: '关于做好防汛工作的通知', publisher: '重庆市渝中区人民政府办公室', writtenOn: '2021-05-10', columnId };

const rssMb = () => process.memoryUsage().rss / 1024 / 1024;

async function upload(client: ApiClient, url: string, filename: string, data: Buffer, fields: Record<string, string> = {}) {
  const m = multipartBody({ filename, data }, fields);
  return t.app.inject({ method: 'POST', url, payload: m.payload, headers: { ...m.headers, cookie: client.cookie, 'x-csrf-token': client.csrf } });
}

async function attack(name: string, run: () => Promise<{ statusCode: number; body: string }>) {
  if (global.gc) global.gc();
  await new Promise((r) => setTimeout(r, 200));
  const rss0 = rssMb();
  let peak = rss0;
  let last = performance.now();
  let stall = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    stall = Math.max(stall, now - last - 5);
    last = now;
    peak = Math.max(peak, rssMb());
  }, 5);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const pending = run();
  // /api/health sent while the attack is being served.
  await new Promise((r) => setTimeout(r, 20));
  const h0 = performance.now();
  const health = await t.app.inject({ method: 'GET', url: '/api/health' });
  const healthMs = performance.now() - h0;
  const res = await pending;
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  clearInterval(timer);
  peak = Math.max(peak, rssMb());
  const code = (() => {
    try {
      return JSON.parse(res.body).error?.code ?? 'ok';
    } catch {
      return '?';
    }
  })();
  console.log(
    `${name.padEnd(44)} ${String(res.statusCode).padStart(3)} ${code.padEnd(14)} wall ${wall.toFixed(0).padStart(5)} ms  cpu ${((cpu.user + cpu.system) / 1000).toFixed(0).padStart(5)} ms  ` +
      `rss ${rss0.toFixed(0)}→peak ${peak.toFixed(0)} MB (+${(peak - rss0).toFixed(0)})  loop stall ${stall.toFixed(0).padStart(4)} ms  health ${health.statusCode} in ${healthMs.toFixed(0)} ms`,
  );
}

try {
  console.log(`input-bounds: ${os.cpus().length} CPUs, load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}; database ${t.database.kind}`);
  // Start the office worker once, so that the figures below are of the attacks, not of its start.
  await attack('warm-up: a normal .docx attachment', async () => {
    const { Document, Packer, Paragraph } = await import('docx');
    const up = await upload(editor, '/api/files', '附件.docx', await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('联系电话13812345678')] }] })));
    return editor.request('POST', '/api/documents', { ...draft, bodyHtml: '<p>见附件。</p>', attachmentIds: [up.json().id] });
  });
  const nested = '<div>'.repeat(100_000) + '正文' + '</div>'.repeat(100_000);
  await attack(`body: 100k nested <div> (${(nested.length / 1e6).toFixed(1)} MB)`, () => editor.request('POST', '/api/documents', { ...draft, bodyHtml: nested }));
  const lone = '<'.repeat(1_500_000);
  await attack('body: 1.5M lone "<" (1.5 MB)', () => editor.request('POST', '/api/documents', { ...draft, bodyHtml: lone }));
  const word = '<p class="MsoNormal" style="text-indent:2em"><span style="font-size:16.0pt;font-family:仿宋_GB2312">第一条 为了规范政务公开工作，根据有关规定，制定本办法。</span></p>'.repeat(5000);
  await attack(`body: pasted from Word (${(Buffer.byteLength(word) / 1e6).toFixed(1)} MB, saved)`, () => editor.request('POST', '/api/documents', { ...draft, bodyHtml: word }));
  for (const falsify of [false, true]) {
    const bomb = docxBomb(300, { falsify });
    const label = falsify ? 'falsified headers' : 'true headers';
    const up = await upload(editor, '/api/files', '附件.docx', bomb);
    await attack(`attachment: .docx ${(bomb.length / 1024).toFixed(0)} KB → 300 MB, ${label}`, () =>
      editor.request('POST', '/api/documents', { ...draft, bodyHtml: '<p>见附件。</p>', attachmentIds: [up.json().id] }),
    );
    await attack(`plan import: .docx bomb, ${label}`, () => upload(office, '/api/plans/import', '任务分工.docx', bomb, { dryRun: 'true' }));
    await attack(`plan import: .xlsx bomb, ${label}`, () => upload(office, '/api/plans/import', '任务分工.xlsx', xlsxBomb(300, { falsify }), { dryRun: 'true' }));
  }
  console.log(`input-bounds: peak RSS of the whole run ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
} finally {
  await closeOfficeWorker();
  await t.close();
}
