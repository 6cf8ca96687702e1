import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { currentRate, slowDown, takeSlot } from "../../src/jobs/send-pace.ts";
import { openTestDatabase, type TestDatabase } from "../support/test-database.ts";

// The shared send schedule on its own. Each slot comes 1/rate after the one before; every slot
// taken raises the rate by 0.05 a second (up to the maximum); a 429 cuts it to 0.8 of itself (not
// below the minimum), once per burst, and pauses everyone for its Retry-After.
let db: TestDatabase;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(() => db.close());
beforeEach(async () => {
  await db.prisma.sendPace.deleteMany({});
});

const NOW = new Date("2026-11-30T01:00:00.000Z");
const at = (ms: number) => new Date(NOW.getTime() + ms);
const KEY = "slack:T1";
const steady = { scope: "workspace" as const, initialPerSecond: 2, maxPerSecond: 2, minPerSecond: 1 };
const pace = () => db.prisma.sendPace.findUniqueOrThrow({ where: { key: KEY } });

describe("the next send slot", () => {
  it("starts now for a scope's first send, then comes one interval after the slot before", async () => {
    expect(await currentRate(db.prisma, KEY)).toBeNull();
    expect(await takeSlot(db.prisma, KEY, steady, NOW)).toEqual(NOW);
    expect(await currentRate(db.prisma, KEY)).toBe(2);
    expect(await takeSlot(db.prisma, KEY, steady, NOW)).toEqual(at(500));
    expect(await takeSlot(db.prisma, KEY, steady, at(100))).toEqual(at(1_000));
    // Once the schedule has fallen behind the clock, the next slot is now.
    expect(await takeSlot(db.prisma, KEY, steady, at(5_000))).toEqual(at(5_000));
    expect(await takeSlot(db.prisma, "slack:T2", steady, at(5_000))).toEqual(at(5_000));
  });

  it("is never the same for two senders at once", async () => {
    const slots = await Promise.all([1, 2, 3].map(() => takeSlot(db.prisma, KEY, steady, NOW)));
    expect(slots.map((s) => s.getTime() - NOW.getTime()).sort((a, b) => a - b)).toEqual([0, 500, 1_000]);
  });

  it("comes a little sooner with every slot taken, up to the maximum rate", async () => {
    const rising = { scope: "app" as const, initialPerSecond: 1, maxPerSecond: 1.12, minPerSecond: 0.5 };
    expect(await takeSlot(db.prisma, KEY, rising, NOW)).toEqual(NOW);
    expect(await currentRate(db.prisma, KEY)).toBeCloseTo(1.05, 10);
    expect(await takeSlot(db.prisma, KEY, rising, NOW)).toEqual(at(1_000)); // 1 s at 1/s
    expect(await currentRate(db.prisma, KEY)).toBeCloseTo(1.1, 10);
    expect(await takeSlot(db.prisma, KEY, rising, NOW)).toEqual(at(1_952)); // + 1/1.05 s = 952 ms
    expect(await currentRate(db.prisma, KEY)).toBeCloseTo(1.12, 10); // 1.15, capped
    expect(await takeSlot(db.prisma, KEY, rising, NOW)).toEqual(at(2_861)); // + 1/1.1 s = 909 ms
  });
});

describe("a refusal as too fast", () => {
  it("pauses every sender for its Retry-After and cuts the rate once for the sends already in flight", async () => {
    expect(await takeSlot(db.prisma, KEY, steady, NOW)).toEqual(NOW);
    await slowDown(db.prisma, KEY, steady, NOW, 3_000, at(100));
    expect(await pace()).toMatchObject({ perSecond: 1.6, pausedUntil: at(3_100), lastCutAt: at(100), nextSlotAt: at(3_100) });
    expect(await takeSlot(db.prisma, KEY, steady, at(200))).toEqual(at(3_100));
    expect(await currentRate(db.prisma, KEY)).toBeCloseTo(1.65, 10);

    // A send whose slot came before the cut is refused too (shorter Retry-After): no second cut,
    // and the pause already longer stays.
    await slowDown(db.prisma, KEY, steady, at(50), 1_000, at(150));
    expect(await pace()).toMatchObject({ pausedUntil: at(3_100), lastCutAt: at(100), nextSlotAt: at(3_725) }); // 3 100 + 1/1.6 s
    expect((await pace()).perSecond).toBeCloseTo(1.65, 10);

    // A send that started at the cut or after it is a new burst: cut again, pause again.
    await slowDown(db.prisma, KEY, steady, at(100), 2_000, at(4_000));
    expect(await pace()).toMatchObject({ pausedUntil: at(6_000), lastCutAt: at(4_000), nextSlotAt: at(6_000) });
    expect((await pace()).perSecond).toBeCloseTo(1.32, 10);
  });

  it("never cuts the rate below the minimum, and the pause ends", async () => {
    await takeSlot(db.prisma, KEY, steady, NOW);
    await slowDown(db.prisma, KEY, steady, NOW, 0, at(1)); // 1.6
    await slowDown(db.prisma, KEY, steady, at(1), 0, at(2)); // 1.28
    await slowDown(db.prisma, KEY, steady, at(2), 0, at(3)); // 1.024
    expect((await pace()).perSecond).toBeCloseTo(1.024, 10);
    await slowDown(db.prisma, KEY, steady, at(3), 1_000, at(4)); // 0.8192: the minimum, 1
    expect(await pace()).toMatchObject({ perSecond: 1, pausedUntil: at(1_004) });
    expect(await takeSlot(db.prisma, KEY, steady, at(2_000))).toEqual(at(2_000));
  });

  it("for a scope that never sent changes nothing", async () => {
    await slowDown(db.prisma, KEY, steady, NOW, 3_000, NOW);
    expect(await currentRate(db.prisma, KEY)).toBeNull();
  });
});
