import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { useCrm } from "../support/crm-fixture.ts";
import { later, slackUser, useSlack } from "./harness.ts";

const t = useCrm();
const slack = useSlack(t);
const rep = slackUser("U_TWICE", "twice");
const LINE = "log #1 call asked for the price list";

const calls = () => t.db.prisma.activity.count({ where: { channel: "call", content: "asked for the price list" } });

describe("a slash command sent twice", () => {
  beforeAll(async () => {
    slack.fake.setUser({ id: rep.id, name: "twice", locale: "en-US" });
    await slack.command(rep, "add TwiceCo");
  });

  it("within seconds, writes once and answers both with the first reply; typed again later, it runs again", async () => {
    const first = await slack.command(rep, LINE);
    const second = await slack.command(rep, LINE);
    expect(first.text).toBe("Call logged on #1.");
    expect(second).toEqual(first);
    expect(await calls()).toBe(1);
    const key = `slack:slash:T1:${rep.id}:${createHash("sha1").update(LINE).digest("hex")}`;
    expect(await t.db.prisma.commandReceipt.count({ where: { key } })).toBe(1);

    later(t, 11_000);
    expect((await slack.command(rep, LINE)).text).toBe("Call logged on #1.");
    expect(await calls()).toBe(2);
  });

  it("a double Enter (both at once) writes once too; another command is its own", async () => {
    later(t, 60_000); // every test starts at the same moment: past the last test's commands
    const [a, b] = await Promise.all([slack.command(rep, LINE), slack.command(rep, LINE)]);
    expect([a.text, b.text]).toEqual(["Call logged on #1.", "Call logged on #1."]);
    expect(await calls()).toBe(3);
    await slack.command(rep, `${LINE} again`);
    expect(await calls()).toBe(3);
    expect(await t.db.prisma.activity.count({ where: { content: "asked for the price list again" } })).toBe(1);
  });
});
