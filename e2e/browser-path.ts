// Where the browser tests find Chromium, and why they are skipped when it is missing. Shared by the
// harness and the test runner's closing summary. Never a downloaded browser: Debian's Chromium, or
// the executable named by CHROMIUM_PATH.
import fs from 'node:fs';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export function browserAvailable(): boolean {
  try {
    fs.accessSync(CHROMIUM, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Why browser suites are skipped, or null when they run. Under CI (CI=true) a missing browser is
 * never a skip: the suites run and fail.
 */
export function browserSkipReason(): string | null {
  if (browserAvailable() || process.env.CI === 'true') return null;
  return `未找到 Chromium（${CHROMIUM}）：浏览器测试已跳过。安装 Debian 包：apt-get install chromium fonts-wqy-microhei，或用 CHROMIUM_PATH 指向 Chromium 可执行文件`;
}
