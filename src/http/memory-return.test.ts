import { describe, expect, it } from 'vitest';
import { MemoryReturn } from './memory-return.ts';

describe('memory given back after a burst', () => {
  it('collects only when the server is quiet and the heap has grown', () => {
    let collected = 0;
    // growthMb -1: any heap counts as grown, so only quietness decides here.
    const m = new MemoryReturn({ everyMs: 60_000, idleRequests: 5, growthMb: -1 }, () => void collected++);
    for (let i = 0; i < 10; i++) m.noteRequest();
    m.check();
    expect(collected).toBe(0);
    m.noteRequest();
    m.check();
    expect(collected).toBe(1);
    m.close();

    const unchanged = new MemoryReturn({ everyMs: 60_000, idleRequests: 5, growthMb: 4096 }, () => void collected++);
    unchanged.check();
    expect(collected).toBe(1);
    unchanged.close();
  });

  it('its full collection gives a grown heap back', () => {
    const m = new MemoryReturn({ everyMs: 60_000, idleRequests: 5, growthMb: 16 });
    // A burst's garbage: many small objects that lived long enough to reach the old generation.
    let keep: unknown[] = [];
    for (let round = 0; round < 6; round++) {
      keep = Array.from({ length: 200_000 }, (_, i) => ({ i, s: `row ${i} of ${round}` }));
    }
    const grown = process.memoryUsage().heapTotal;
    keep = [];
    m.check();
    const after = process.memoryUsage().heapTotal;
    expect(m.counts.collections).toBe(1);
    expect(after).toBeLessThan(grown - 16 * 1024 * 1024);
    m.close();
    expect(keep).toEqual([]);
  });
});
