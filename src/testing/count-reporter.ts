// A vitest reporter that counts what `npm test` says on its closing line. A test counts as failed
// when it failed, and also when it never ran because a hook or the file around it failed (a
// beforeAll that threw leaves its tests "skipped" in vitest's own counts). A file that failed to
// load, and every unhandled error, count as one failure each. Skips are kept with their reason:
// the note of `ctx.skip(note)`, or the reason the browser suites were skipped.
import fs from 'node:fs';
import path from 'node:path';
import type { Reporter, SerializedError, TestCase, TestModule } from 'vitest/node';
import { browserSkipReason } from '../../e2e/browser-path.ts';

/** Errors of the suites (and the file) that hold a test: a failed hook is recorded there. */
function failedAround(test: TestCase): boolean {
  for (let p: TestCase['parent'] | null = test.parent; p; p = p.type === 'module' ? null : p.parent) {
    if (p.errors().length > 0) return true;
  }
  return false;
}

/** Where the counts are written for scripts/test.mjs. */
export const COUNTS_FILE = process.env.GONGKAI_COUNTS_FILE || path.join('.vitest-tmp', 'counts.json');

export default class CountReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError>): void {
    let passed = 0;
    let failed = 0;
    const skipped: { test: string; reason: string }[] = [];
    const failures: string[] = [];
    const browserReason = browserSkipReason();
    for (const mod of testModules) {
      const file = path.relative(process.cwd(), mod.moduleId);
      const tests = [...mod.children.allTests()];
      if (tests.length === 0 && (mod.errors().length > 0 || mod.state() === 'failed')) {
        failed += 1;
        failures.push(`${file}: 文件未能加载或运行`);
      }
      for (const test of tests) {
        const r = test.result();
        if (r.state === 'passed') passed += 1;
        else if (r.state === 'failed') {
          failed += 1;
          failures.push(`${file} > ${test.fullName}`);
        } else if (failedAround(test)) {
          failed += 1;
          failures.push(`${file} > ${test.fullName}（钩子或所在套件失败，未运行）`);
        } else {
          const reason = ('note' in r ? r.note : undefined) ?? (mod.moduleId.includes(`${path.sep}e2e${path.sep}`) && browserReason ? browserReason : test.options.mode === 'todo' ? 'todo' : '未说明原因');
          skipped.push({ test: `${file} > ${test.fullName}`, reason });
        }
      }
    }
    failed += unhandledErrors.length;
    for (const e of unhandledErrors) failures.push(`未处理的错误：${e.message ?? e}`);
    fs.mkdirSync(path.dirname(COUNTS_FILE), { recursive: true });
    fs.writeFileSync(COUNTS_FILE, JSON.stringify({ passed, failed, skipped, failures }, null, 2));
  }
}
