import { describe, expect, it } from "vitest";
import { backoffMs } from "../../src/jobs/deliver.ts";

// The wait before retry n: 5 s doubled per earlier attempt, at most 15 min, times a jitter
// between 0.8 and 1.2; never sooner than the platform's Retry-After.
const mid = () => 0.5;
const low = () => 0;
const high = () => 0.999_999;

describe("the wait before a failed message is tried again", () => {
  it("doubles with every attempt from 5 seconds", () => {
    expect(backoffMs(1, undefined, mid)).toBe(5_000);
    expect(backoffMs(2, undefined, mid)).toBe(10_000);
    expect(backoffMs(4, undefined, mid)).toBe(40_000);
  });

  it("is jittered by up to a fifth either way", () => {
    expect(backoffMs(1, undefined, low)).toBe(4_000);
    expect(backoffMs(1, undefined, high)).toBeCloseTo(6_000, 0);
    expect(backoffMs(3, undefined, low)).toBe(16_000);
  });

  it("never grows past 15 minutes (before the jitter)", () => {
    // 5 s × 2⁸ = 21 min 20 s: capped.
    expect(backoffMs(9, undefined, mid)).toBe(900_000);
    expect(backoffMs(9, undefined, low)).toBe(720_000);
    // 5 s × 2⁷ = 10 min 40 s: not yet.
    expect(backoffMs(8, undefined, mid)).toBe(640_000);
  });

  it("waits at least as long as the platform asked", () => {
    expect(backoffMs(1, 30_000, mid)).toBe(30_000);
    expect(backoffMs(1, 1_000, mid)).toBe(5_000);
    expect(backoffMs(2, 0, low)).toBe(8_000);
  });

  it("draws its jitter from Math.random when given none", () => {
    for (let i = 0; i < 20; i++) {
      const wait = backoffMs(1, undefined);
      expect(wait).toBeGreaterThanOrEqual(4_000);
      expect(wait).toBeLessThan(6_000);
    }
  });
});
