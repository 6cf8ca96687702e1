import { describe, expect, it } from "vitest";
import { createCrm } from "../../src/crm/crm.ts";
import { useCrm } from "../support/crm-fixture.ts";

const t = useCrm();

describe("deliveries with the same key", () => {
  it("a retried delivery answers the same and writes nothing more", async () => {
    const rep = t.person("retrier");
    const first = await rep.run("add RetryCo", "event-1");
    const again = await rep.run("add RetryCo", "event-1");
    expect(again).toEqual(first);
    expect(await t.db.prisma.customer.count({ where: { company: "RetryCo" } })).toBe(1);

    const n = Number(/#(\d+)/.exec(first.text)![1]);
    await rep.run(`log #${n} call first`, "event-2");
    await rep.run(`log #${n} call first`, "event-2");
    const customer = await t.db.prisma.customer.findFirstOrThrow({ where: { number: n } });
    expect(await t.db.prisma.activity.count({ where: { customerId: customer.id } })).toBe(1);
  });

  it("a read-only command, run without a transaction, keeps a receipt too: the copy answers from it", async () => {
    const rep = t.person("reader");
    await rep.run("add ReadCo");
    const first = await rep.run("show ReadCo", "event-read");
    await rep.run("log ReadCo call changed since");
    const again = await rep.run("show ReadCo", "event-read");
    expect(again).toEqual(first);
    expect(await t.db.prisma.commandReceipt.count({ where: { key: "event-read" } })).toBe(1);
  });

  it("a refused command keeps no receipt, so fixing and resending the same delivery works", async () => {
    const rep = t.person("fixer");
    expect((await rep.run("add", "form-1")).ok).toBe(true); // the form, not a write
    const bad = await rep.run("add FixCo mobile=1", "form-2");
    expect(bad.ok).toBe(false);
    expect(await t.db.prisma.commandReceipt.count({ where: { key: "form-2" } })).toBe(0);
  });

  it("two copies arriving at the same moment write once", async () => {
    const rep = t.person("racer");
    const replies = await Promise.all([1, 2, 3].map(() => rep.run("add RaceCo", "event-race")));
    expect(new Set(replies.map((r) => r.text)).size).toBe(1);
    expect(replies[0]!.ok).toBe(true);
    expect(await t.db.prisma.customer.count({ where: { company: "RaceCo" } })).toBe(1);
  });
});

describe("failures nobody can fix by retyping", () => {
  it("answer with a reference instead of a stack trace and write nothing", async () => {
    const errors: unknown[] = [];
    const crm = createCrm({
      prisma: t.db.prisma,
      playbook: { ...t.crm.playbook, stages: t.crm.playbook.stages.map((s) => (s.id === "potential" ? { ...s, id: "ghost" } : s)) },
      clock: () => t.clock.now,
      logger: { error: (_message, detail) => errors.push(detail) },
    });
    const identity = t.person("unlucky").identity;
    await t.crm.execute(identity, "help");
    const before = await t.db.prisma.customer.count();
    // The playbook's default stage no longer exists: an internal inconsistency, not the rep's fault.
    const reply = await crm.execute(identity, "add Doomed");
    expect(reply.ok).toBe(false);
    expect(reply.text).toMatch(/^Something went wrong on our side and nothing was saved\. .*\(ref [a-z0-9]+\)\.$/);
    expect(reply.text).not.toMatch(/at \w+ \(|\.ts:\d+/);
    expect(errors).toHaveLength(1);
    expect(await t.db.prisma.customer.count()).toBe(before);
  });
});

describe("a double-clicked button", () => {
  it("counts once within its window and works again after it", async () => {
    const rep = t.person("clicker");
    const added = await rep.run("add ClickCo");
    const n = Number(/#(\d+)/.exec(added.text)![1]);
    const click = () => t.crm.execute(rep.identity, `log #${n} sms sent the price list`, { dedupeKey: `btn:${n}`, dedupeWindowMs: 60_000 });
    await click();
    await click();
    const customer = await t.db.prisma.customer.findFirstOrThrow({ where: { number: n } });
    expect(await t.db.prisma.activity.count({ where: { customerId: customer.id } })).toBe(1);
    t.clock.advanceDays(1);
    await click();
    expect(await t.db.prisma.activity.count({ where: { customerId: customer.id } })).toBe(2);
  });
});

describe("home", () => {
  it("shows the pipeline by stage and grade and today's list", async () => {
    const rep = t.person("homer", { workspace: "home-ws" });
    await rep.run("add H1 grade=A");
    await rep.run("add H2 grade=A");
    expect((await rep.run("add H3 stage=selection force=yes")).ok).toBe(true); // homer is home-ws's admin
    t.clock.advanceDays(4);
    const view = await t.crm.homeView(rep.identity);
    expect(view.text).toBe("homer's pipeline");
    expect(view.cards[0]!.fields.slice(0, 3)).toEqual([
      { label: "Potential", value: "2 (A 2 · B 0 · C 0 · D 0)" },
      { label: "Intention", value: "0" },
      { label: "Selection", value: "1" },
    ]);
    expect(view.cards[1]!.title).toBe("1 customer to contact today.");
    expect(view.cards[2]!.title).toBe("#3 H3");
  });
});
