import { describe, expect, it } from "vitest";
import { withBackPressure } from "../../adapters/shared/back-pressure.ts";
import type { Crm } from "../../src/crm/crm.ts";
import { useCrm } from "../support/crm-fixture.ts";

const t = useCrm();

/** A CRM whose commands wait until the test lets them go, so the queue's state is known exactly. */
function gated(crm: Crm) {
  const gates: (() => void)[] = [];
  const slow: Crm = {
    ...crm,
    execute: async (...args) => {
      await new Promise<void>((resolve) => gates.push(resolve));
      return crm.execute(...args);
    },
  };
  return { slow, release: () => gates.splice(0).forEach((open) => open()), waiting: () => gates.length };
}

describe("the work queue", () => {
  it("answers 'busy, retry in a minute' at once when the answer could not come in time, and writes nothing for it", async () => {
    const logs: string[] = [];
    const { slow, release, waiting } = gated(t.crm);
    // One at a time, each thought to take 4 s: the first runs, the second would answer at ~8 s, the third at ~12 s.
    const crm = withBackPressure(slow, { concurrency: 1, maxWaitMs: 10_000, initialServiceMs: 4_000, logger: { info: () => {}, warn: (m) => logs.push(m), error: () => {} } });
    const zh = t.person("queue-zh", { locale: "zh-CN" });
    const en = t.person("queue-en");
    const first = crm.execute(en.identity, "add QueueOne");
    const second = crm.execute(en.identity, "add QueueTwo");
    const third = await crm.execute(en.identity, "add QueueThree");
    const fourth = await crm.execute(zh.identity, "add QueueFour");
    expect(third).toMatchObject({ ok: false, code: "busy" });
    expect(third.text).toMatch(/try again in a minute/);
    expect(fourth.text).toMatch(/一分钟后重试/);
    expect(crm.stats()).toMatchObject({ queued: 1, running: 1 });
    expect(logs.filter((l) => l.startsWith("busy:"))).toHaveLength(2);

    while (waiting() === 0) await new Promise((r) => setImmediate(r));
    release();
    expect((await first).ok).toBe(true);
    while (waiting() === 0) await new Promise((r) => setImmediate(r));
    release();
    expect((await second).ok).toBe(true);
    expect(await t.db.prisma.customer.count({ where: { company: { startsWith: "Queue" } } })).toBe(2);
  });

  it("does not run a command that waited past the limit: it answers busy instead of late", async () => {
    let clock = 0;
    const { slow, release, waiting } = gated(t.crm);
    const crm = withBackPressure(slow, { concurrency: 1, maxWaitMs: 10_000, initialServiceMs: 10, logger: { info: () => {}, warn: () => {}, error: () => {} }, now: () => clock });
    const rep = t.person("queue-late");
    const first = crm.execute(rep.identity, "add LateOne");
    const second = crm.execute(rep.identity, "add LateTwo");
    while (waiting() === 0) await new Promise((r) => setImmediate(r));
    clock += 11_000; // the first command took 11 s: the second has waited too long by the time its turn comes
    release();
    expect((await first).ok).toBe(true);
    expect(await second).toMatchObject({ ok: false, code: "busy" });
    expect(await t.db.prisma.customer.count({ where: { company: "LateTwo" } })).toBe(0);
  });
});
