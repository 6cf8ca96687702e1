import { describe, expect, it } from "vitest";
import { addAs, useCrm } from "../support/crm-fixture.ts";

const t = useCrm();
const MINUTE = 60_000;

describe("a dry run's yes", () => {
  it("remembers the command to confirm for ten minutes, and not a moment longer", async () => {
    const boss = t.person("boss", { workspace: "pending" });
    await boss.run("help"); // the first person is the admin
    const li = t.person("li", { workspace: "pending" });
    await t.person("wang", { workspace: "pending" }).run("help");
    await addAs(li, "add Pending One");
    await addAs(li, "add Pending Two");
    const start = t.clock.now.getTime();
    const early = await boss.run("yes"); // nothing asked yet
    expect(early.code).toBe("nothing_pending");
    expect(early.text).toBe("There is nothing waiting for your yes (or it expired after 10 minutes): run the command again.");

    expect((await boss.run("assign all @li @wang")).ok).toBe(true);
    const user = await t.db.prisma.user.findFirstOrThrow({ where: { externalId: "boss", workspace: { externalId: "pending" } } });
    expect(user.pendingCommand).toBe("assign all @li @wang confirm");
    expect(user.pendingUntil).toEqual(new Date(start + 10 * MINUTE));

    t.clock.set(new Date(start + 10 * MINUTE + 1).toISOString());
    expect((await boss.run("yes")).code).toBe("nothing_pending");

    t.clock.set(new Date(start).toISOString());
    await boss.run("assign all @li @wang");
    t.clock.set(new Date(start + 10 * MINUTE).toISOString()); // the last moment it is good
    expect((await boss.run("yes")).text).toBe("2 customers moved from li to wang; both are told.");
    expect((await boss.run("yes")).code).toBe("nothing_pending"); // once
  });
});
