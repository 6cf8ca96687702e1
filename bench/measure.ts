import { performance } from "node:perf_hooks";

export interface Timing {
  median: number;
  p50: number;
  p99: number;
  samples: number;
}

export function summarize(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { median: at(0.5), p50: at(0.5), p99: at(0.99), samples: sorted.length };
}

export async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

/**
 * Ours and the floor in turn, run after run, so drift in the machine (other processes, the
 * cache warming) weighs on both alike. A warm-up run of each is discarded.
 */
export async function interleaved(runs: number, ours: () => Promise<unknown>, floor: () => Promise<unknown>, between?: () => Promise<unknown>) {
  await between?.();
  await ours();
  await floor();
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < runs; i++) {
    await between?.();
    a.push(await timed(ours));
    b.push(await timed(floor));
  }
  return { ours: summarize(a), floor: summarize(b) };
}
