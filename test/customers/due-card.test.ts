import { describe, expect, it } from "vitest";
import { dueTodayForOwners } from "../../src/customers/due-list.ts";
import type { Prisma } from "../../src/db/database.ts";
import { loadPlaybook } from "../../src/playbook/load-playbook.ts";
import { cardTitled } from "../support/card-lines.ts";
import { addAs, useCrm } from "../support/crm-fixture.ts";

// The compact card of each customer on a due list (`due`, the home view, the morning message):
// title, class, the channels due by the end of the rep's day, the last touch, and the buttons.
const t = useCrm();

describe("a due list's card", () => {
  it("names the contact, shows only the channels due by the end of the day and the last touch, with the buttons to clear it", async () => {
    const rep = t.person("due-card-rep", { workspace: "due-card" });
    // Potential A: a call and an SMS every 7 days. Added Mon 23 Nov; an SMS on Tue 24 Nov moves the SMS to Tue 1 Dec.
    const n = await addAs(rep, "add DueCardCo contact=Zhou mobile=13800138401 grade=A");
    const m = await addAs(rep, "add NoContactCo grade=A");
    t.clock.set("2026-11-24T02:00:00Z");
    expect((await rep.run(`log #${n} sms sent the catalogue`)).ok).toBe(true);
    t.clock.set("2026-11-30T02:00:00Z"); // Mon 30 Nov, 10:00 in Shanghai
    const reply = await rep.run("due");
    expect(reply.text).toBe("2 customers to contact today.");
    expect(reply.cards.map((c) => c.title)).toEqual([`#${n} DueCardCo · Zhou`, `#${m} NoContactCo`]);
    const first = cardTitled(reply, `#${n} DueCardCo · Zhou`);
    expect(first.subtitle).toBe("Potential · A");
    expect(first.sections).toEqual([{ title: "", items: ["Call: due today", "Last touch Tue 24 Nov 2026"] }]);
    const ref = `#${n}@due-card`;
    expect(first.actions).toEqual([
      { kind: "prompt", label: "Log call", command: `log ${ref} call`, prompt: "What happened?", style: "primary" },
      { kind: "prompt", label: "Log SMS", command: `log ${ref} sms`, prompt: "What happened?" },
      { kind: "run", label: "Snooze 1 day", command: `snooze ${ref} 1d` },
      { kind: "run", label: "Open", command: `show ${ref}` },
    ]);
    expect(cardTitled(reply, `#${m} NoContactCo`).sections).toEqual([{ title: "", items: ["Call: due today", "SMS: due today", "Not contacted yet"] }]);
  });

  it("reads in Chinese", async () => {
    const rep = t.person("due-card-zh", { workspace: "due-card-zh", locale: "zh-CN" });
    const n = await addAs(rep, "add 中山到期灯饰 联系人=吴经理 等级=A");
    t.clock.set("2026-11-30T02:00:00Z");
    const reply = await rep.run("今日");
    const card = cardTitled(reply, `#${n} 中山到期灯饰 · 吴经理`);
    expect(card.sections[0]!.items.at(-1)).toBe("尚未联系");
    expect(card.actions.map((a) => a.label)).toEqual(["记录电话", "记录短信", "推迟 1 天", "查看"]);
  });

  it("puts overdue first (overdue from its very instant), then later stages, then better grades, whatever the order they were filed in", async () => {
    const rep = t.person("due-order-rep", { workspace: "due-order" });
    expect((await rep.run("help")).ok).toBe(true);
    const ws = await t.db.prisma.workspace.findFirstOrThrow({ where: { externalId: "due-order" } });
    const user = await t.db.prisma.user.findFirstOrThrow({ where: { workspaceId: ws.id, externalId: "due-order-rep" } });
    const now = t.clock.now; // Mon 23 Nov, 10:00 in Shanghai
    const dueAt = new Date("2026-11-22T16:00:00Z"); // all due since the start of today
    const later = new Date("2026-11-26T16:00:00Z");
    // Filed worst first, so neither the number nor the due moment gives the order.
    const rows: [string, string | null, Date][] = [
      ["potential", "D", later], ["potential", "A", later], ["intention", "B", later], ["intention", "A", later],
      ["selection", null, later], ["potential", "D", now],
    ];
    await t.db.prisma.customer.createMany({
      data: rows.map(([stage, grade, overdueAt], i) => ({
        workspaceId: ws.id, number: i + 1, ownerId: user.id, company: `Order${i + 1}`, companyKey: `order${i + 1}`, stage, grade,
        classifiedAt: dueAt, stageEnteredAt: dueAt, nextDueAt: dueAt, overdueAt,
      })),
    });
    const reply = await rep.run("due");
    expect(reply.text).toBe("6 customers to contact today, 1 overdue.");
    expect(reply.cards.map((c) => c.title)).toEqual(["#6 Order6", "#5 Order5", "#4 Order4", "#3 Order3", "#2 Order2", "#1 Order1"]);
  });

  it("asks the database nothing for no reps", async () => {
    const playbook = await loadPlaybook("default");
    let uses = 0;
    const counted = new Proxy(t.db.prisma, {
      get(target, key, receiver) {
        uses++;
        return Reflect.get(target, key, receiver);
      },
    }) as Prisma;
    const lists = await dueTodayForOwners(counted, playbook, "no-such-workspace", [], t.clock.now, 15);
    expect([lists.size, uses]).toEqual([0, 0]);
  });
});
