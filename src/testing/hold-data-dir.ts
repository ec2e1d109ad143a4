// A process that takes a data directory's lock and then does what a busy or stuck server does: its
// event loop stops for STALL_MS (no timer, no I/O runs meanwhile). Used by the lock's tests and by
// bench/lock-stall.ts. Run: node --import tsx src/testing/hold-data-dir.ts DATA_DIR STALL_MS [HOLD_MS [START_AT [PAUSE_MS]]]
// Prints "locked" (or "refused") on stdout, "awake" after the stall; exits after HOLD_MS more.
// START_AT (epoch ms, or "stdin": at the first line read): try only then, so several processes try at once;
// PAUSE_MS: pause between finding a stale lock and taking it over (lockDataDir's pauseBeforeTakeoverMs).
import fs from 'node:fs';
import { DataDirLockedError, lockDataDir } from '../platform/data-dir-lock.ts';

const [dataDir, stallArg = '0', holdArg = '0', startAt = '0', pauseArg = '0'] = process.argv.slice(2);
if (startAt === 'stdin') {
  // Says "ready" once loaded, and tries when a line arrives: the caller starts all at the same moment.
  fs.writeSync(1, 'ready\n');
  await new Promise((r) => process.stdin.once('data', r));
  process.stdin.pause();
} else await new Promise((r) => setTimeout(r, Math.max(0, Number(startAt) - Date.now())));
try {
  const lock = await lockDataDir(dataDir, { pauseBeforeTakeoverMs: Number(pauseArg) });
  fs.writeSync(1, 'locked\n');
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Number(stallArg));
  fs.writeSync(1, 'awake\n');
  await new Promise((r) => setTimeout(r, Number(holdArg)));
  await lock.release();
} catch (err) {
  if (!(err instanceof DataDirLockedError)) throw err;
  fs.writeSync(1, 'refused\n');
}
