import { describe, expect, it } from "vitest";
import { useCrm } from "../support/crm-fixture.ts";
import { useFakeMessengers } from "../support/fake-messengers.ts";
import { pacedDelivery } from "../support/paced-delivery.ts";

const t = useCrm();
const fakes = useFakeMessengers();

/**
 * The delivery pace against fakes that enforce the platforms' limits, in simulated time. The
 * caps are scaled down (30 a minute) so that a few hundred sends meet them; `npm run bench`
 * runs the full 5,000 lists against the real caps.
 */
describe("delivering a batch at the platform's pace", () => {
  const CAP = { max: 30, windowMs: 60_000 };
  const LISTS = 120;
  // Past the first minute's 30, the cap lets 30 through a minute: 3 more minutes at best.
  const FLOOR_MS = ((LISTS - CAP.max) / CAP.max) * 60_000;

  it("Slack: finds the workspace cap from the 429s, obeys Retry-After, and delivers every list exactly once", async () => {
    const result = await pacedDelivery({ platform: "slack", prisma: t.db.prisma, crm: t.crm, fake: fakes.slack, lists: LISTS, workspace: "TPACE", limits: { overall: [CAP] } });
    expect(result).toMatchObject({ sent: LISTS, failed: 0, waiting: 0, recipients: LISTS, mostToOne: 1 });
    expect(result.refused).toBeGreaterThan(0);
    expect(result.simulatedMs).toBeGreaterThanOrEqual(FLOOR_MS);
    expect(result.simulatedMs).toBeLessThanOrEqual(FLOOR_MS * 1.25);
  });

  it("Feishu: the same under the app's per-second and per-minute quotas", async () => {
    const result = await pacedDelivery({
      platform: "feishu", prisma: t.db.prisma, crm: t.crm, fake: fakes.feishu, lists: LISTS, workspace: "tenant-pace",
      limits: { overall: [{ max: 10, windowMs: 1_000 }, CAP] },
    });
    expect(result).toMatchObject({ sent: LISTS, failed: 0, waiting: 0, recipients: LISTS, mostToOne: 1 });
    expect(result.refused).toBeGreaterThan(0);
    expect(result.simulatedMs).toBeLessThanOrEqual(FLOOR_MS * 1.25);
  });
});
