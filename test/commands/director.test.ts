import { describe, expect, it } from "vitest";
import { addAs, addSelection, useCrm } from "../support/crm-fixture.ts";

/** Issue 10's commands: handover, the team's due list, and the shared pool (公海). */
const t = useCrm();

async function row(workspace: string, number: number) {
  const ws = await t.db.prisma.workspace.findFirstOrThrow({ where: { externalId: workspace } });
  return t.db.prisma.customer.findFirstOrThrow({ where: { workspaceId: ws.id, number }, include: { owner: true } });
}

async function notices(workspace: string) {
  const ws = await t.db.prisma.workspace.findFirstOrThrow({ where: { externalId: workspace } });
  const rows = await t.db.prisma.outboxMessage.findMany({ where: { workspaceId: ws.id, job: "notice" }, orderBy: { createdAt: "asc" } });
  return rows.map((r) => [r.recipient, (r.payload as { text: string }).text]);
}

function team(workspace: string) {
  const boss = t.person("boss", { workspace });
  const li = t.person("li", { workspace });
  const wang = t.person("wang", { workspace });
  return { boss, li, wang };
}

describe("handover", () => {
  it("moves one customer, keeps the owner history in show, and tells both reps once", async () => {
    const { boss, li, wang } = team("handover");
    await boss.run("help");
    const n = await addAs(li, "add Handover Co");
    await wang.run("help");
    const reply = await boss.run(`assign #${n} @wang territory change`);
    expect(reply.text).toBe(`#${n} now belongs to wang; both reps are told.`);
    expect((await row("handover", n)).owner.externalId).toBe("wang");
    expect((await li.run(`show #${n}`)).text).toBe(`#${n} is not one of your customers: only its owner or a director can see or change it.`);
    const shown = await wang.run(`show #${n}`);
    expect(shown.cards[0]!.sections.find((s) => s.title === "Owner history")!.items).toEqual(["Mon 23 Nov 2026 li → wang (territory change)"]);
    expect(await notices("handover")).toEqual([
      ["user:wang", `boss handed #${n} Handover Co over to you.`],
      ["user:li", `boss handed #${n} Handover Co over to wang.`],
    ]);
    expect((await boss.run(`assign #${n} @wang`)).text).toBe(`#${n} already belongs to wang.`);
  });

  it("is refused to reps, and so are the team's lists", async () => {
    const { boss, li, wang } = team("reps-cannot");
    await boss.run("help");
    const n = await addAs(li, "add Mine Co");
    await wang.run("help");
    for (const line of [`assign #${n} @wang`, "assign all @li @wang", "due team", "due @wang", "list @wang"]) {
      const reply = await li.run(line);
      expect(reply.ok, line).toBe(false);
      expect(reply.code, line).toBe("forbidden");
    }
    expect((await row("reps-cannot", n)).owner.externalId).toBe("li");
  });

  it("hands a leaving rep's 200 customers over in one transaction, after a dry run and a yes", async () => {
    const { boss, li, wang } = team("leaving");
    await boss.run("help");
    await li.run("help");
    await wang.run("help");
    const ws = await t.db.prisma.workspace.findFirstOrThrow({ where: { externalId: "leaving" } });
    const liUser = await t.db.prisma.user.findFirstOrThrow({ where: { workspaceId: ws.id, externalId: "li" } });
    await t.db.prisma.customer.createMany({
      data: Array.from({ length: 200 }, (_, i) => ({
        workspaceId: ws.id, number: 1000 + i, ownerId: liUser.id, company: `Bulk ${i}`, companyKey: `bulk${i}`,
        stage: "potential", grade: "D", classifiedAt: t.clock.now, stageEnteredAt: t.clock.now,
      })),
    });
    const dry = await boss.run("assign all @li @wang");
    expect(dry.text).toBe("200 customers of li will go to wang. Nothing has moved yet: press Confirm or type yes.");
    expect(dry.cards[0]!.actions).toEqual([{ kind: "run", label: "Confirm: move 200", command: "assign all @li @wang confirm", style: "primary" }]);
    expect(await t.db.prisma.customer.count({ where: { workspaceId: ws.id, ownerId: liUser.id } })).toBe(200);
    expect((await boss.run("yes")).text).toBe("200 customers moved from li to wang; both are told.");
    expect(await t.db.prisma.customer.count({ where: { workspaceId: ws.id, ownerId: liUser.id } })).toBe(0);
    expect(await t.db.prisma.ownerChange.count({ where: { workspaceId: ws.id } })).toBe(200);
    expect(await notices("leaving")).toEqual([
      ["user:li", "boss handed 200 customers of li over to wang."],
      ["user:wang", "boss handed 200 customers of li over to wang."],
    ]);
    expect((await boss.run("yes")).code).toBe("nothing_pending");
  });
});

describe("the team's due list", () => {
  it("shows a director every rep's due customers, and one rep's on request", async () => {
    const { boss, li, wang } = team("due-team");
    await boss.run("help");
    const a = await addSelection(t, li, "add Due A");
    await addSelection(t, wang, "add Due B");
    // Selection: due after 3 days (Thu 26 Nov), overdue 2 days later — Sat 28 Nov, a day off on the
    // work calendar, so from Mon 30 Nov.
    t.clock.advanceDays(7);
    const all = await boss.run("due team");
    expect(all.text).toBe("The team: 2 customers to contact today, 2 overdue, across 2 reps.");
    expect(all.cards[0]!.fields).toEqual([{ label: "li", value: "1 due · 1 overdue" }, { label: "wang", value: "1 due · 1 overdue" }]);
    expect(all.cards.slice(1).map((c) => c.title)).toEqual([`#${a} Due A · li`, `#${a + 1} Due B · wang`]);
    const one = await boss.run("due @li");
    expect(one.text).toBe("li: 1 customer to contact today, 1 overdue.");
    expect((await boss.run("list @wang")).cards[0]!.title).toBe("wang's customers (1)");
    expect((await boss.run("due everyone")).text).toBe('"everyone" is not "team" or a person (@name).');
  });
});

describe("the shared pool", () => {
  it("release, list without private details, claim by another rep; the releaser waits out the cooldown", async () => {
    const { boss, li, wang } = team("pool");
    await boss.run("help");
    const n = await addAs(li, 'add Pool Co 省份=广东 城市=佛山 来源=展会 手机=13800138000 备注="私人备注" 负责人=李总');
    expect((await li.run(`release #${n}`)).code).toBe("missing_reason");
    expect((await li.run(`release #${n} no budget this year`)).text).toBe(`#${n} Pool Co is back in the shared pool.`);
    expect((await li.run("list")).text).toBe("No customers match.");
    expect((await li.run(`log #${n} call hello`)).code).toBe("forbidden");
    expect((await boss.run(`log #${n} call hello`)).text).toBe(`#${n} is in the shared pool: claim it first (/prospect claim #${n}), or a director can assign it.`);
    const listed = await wang.run("pool");
    expect(listed.text).toBe("Shared pool: 1 customer");
    const text = JSON.stringify(listed.cards);
    expect(text).toContain("广东 · 佛山 · 展会");
    expect(text).not.toContain("13800138000");
    expect(text).not.toContain("私人备注");
    expect(text).not.toContain("李总");
    expect(listed.cards[0]!.actions).toEqual([{ kind: "run", label: "Claim", command: `claim #${n}@pool`, style: "primary" }]);
    expect((await li.run(`claim #${n}`)).text).toBe(`You released #${n} recently; you can claim it again from Wed 23 Dec 2026.`);
    expect((await wang.run(`claim #${n}`)).text).toBe(`#${n} Pool Co is yours now.`);
    expect((await row("pool", n)).owner.externalId).toBe("wang");
    expect((await wang.run(`claim #${n}`)).code).toBe("not_in_pool");
    const history = await wang.run(`show #${n}`);
    expect(history.cards[0]!.sections.find((s) => s.title === "Owner history")!.items).toEqual([
      "Mon 23 Nov 2026 li → — (no budget this year)",
      "Mon 23 Nov 2026 — → wang",
    ]);
  });

  it("tells the rep it came from who claimed it, in their language, but not when they take it back themself", async () => {
    const boss = t.person("boss", { workspace: "claimed" });
    const li = t.person("li", { workspace: "claimed", locale: "zh-CN" });
    const wang = t.person("wang", { workspace: "claimed" });
    await boss.run("help");
    const n = await addAs(li, "add Claimed Co");
    await li.run(`release #${n} no budget`);
    await wang.run(`claim #${n}`);
    expect(await notices("claimed")).toEqual([["user:li", `wang 从公海领取了你之前的客户 #${n} Claimed Co。`]]);
    // Released by a director for the rep, then taken back by that rep after the cooldown: nobody else to tell.
    await boss.run(`release #${n} territory review`);
    t.clock.advanceDays(31);
    expect((await wang.run(`claim #${n}`)).ok).toBe(true);
    expect(await notices("claimed")).toHaveLength(1);
  });

  it("refuses a claim past the holding limit (保有量上限)", async () => {
    const { boss, li, wang } = team("limit");
    await boss.run("help");
    const n = await addAs(li, "add Limit Co");
    await li.run(`release #${n} not for me`);
    await wang.run("help");
    const ws = await t.db.prisma.workspace.findFirstOrThrow({ where: { externalId: "limit" } });
    const wangUser = await t.db.prisma.user.findFirstOrThrow({ where: { workspaceId: ws.id, externalId: "wang" } });
    const held = t.crm.playbook.pool.holdingLimit!;
    await t.db.prisma.customer.createMany({
      data: Array.from({ length: held }, (_, i) => ({
        workspaceId: ws.id, number: 5000 + i, ownerId: wangUser.id, company: `Held ${i}`, companyKey: `held${i}`,
        stage: i % 2 ? "potential" : "intention", grade: "B", classifiedAt: t.clock.now, stageEnteredAt: t.clock.now,
      })),
    });
    const refused = await wang.run(`claim #${n}`);
    expect(refused.text).toBe(`You already hold ${held} open customers, the limit is ${held}: release or close some before claiming more.`);
    expect((await row("limit", n)).pooledAt).not.toBeNull();
    // Won customers do not count against the limit.
    await t.db.prisma.customer.update({ where: { workspaceId_number: { workspaceId: ws.id, number: 5000 } }, data: { stage: "won", grade: null } });
    expect((await wang.run(`claim #${n}`)).ok).toBe(true);
  });
});

describe("nudge (催办)", () => {
  it("reminds the owner by a notice with the buttons to act, and keeps the nudge in the customer's history", async () => {
    const { boss, li } = team("nudging");
    await boss.run("help");
    const n = await addAs(li, "add Nudge Co");
    expect((await boss.run(`nudge #${n}   call them today `)).text).toBe(`li was reminded about #${n} Nudge Co.`);
    // A notice is one per customer and instant: a second nudge a minute later is another one.
    t.clock.set(new Date(t.clock.now.getTime() + 60_000).toISOString());
    expect((await boss.run(`nudge #${n}`)).text).toBe(`li was reminded about #${n} Nudge Co.`);
    expect(await notices("nudging")).toEqual([
      ["user:li", `boss asks you to follow up #${n} Nudge Co: call them today.`],
      ["user:li", `boss asks you to follow up #${n} Nudge Co.`],
    ]);
    const ws = await t.db.prisma.workspace.findFirstOrThrow({ where: { externalId: "nudging" } });
    const [first] = await t.db.prisma.outboxMessage.findMany({ where: { workspaceId: ws.id, job: "notice" }, orderBy: { createdAt: "asc" } });
    const payload = first!.payload as { ephemeral: boolean; cards: { title: string; actions: unknown[] }[] };
    expect(payload.ephemeral).toBe(false);
    expect(payload.cards.map((c) => [c.title, c.actions])).toEqual([[`#${n} Nudge Co`, [
      { kind: "prompt", label: "Log call", command: `log #${n}@nudging call`, prompt: "What happened?", style: "primary" },
      { kind: "run", label: "Open", command: `show #${n}@nudging` },
    ]]]);
    const customer = await row("nudging", n);
    const notes = await t.db.prisma.activity.findMany({ where: { customerId: customer.id, channel: "note" }, orderBy: { createdAt: "asc" } });
    expect(notes.map((a) => a.content)).toEqual(["Nudged by boss: call them today", "Nudged by boss"]);
  });

  it("keeps the words as written, without the spaces inside their quotes", async () => {
    const { boss, li } = team("nudge-quoted");
    await boss.run("help");
    const n = await addAs(li, "add Quoted Co");
    expect((await boss.run(`nudge #${n} "  call them  "`)).ok).toBe(true);
    expect(await notices("nudge-quoted")).toEqual([["user:li", `boss asks you to follow up #${n} Quoted Co: call them.`]]);
  });

  it("is for directors only", async () => {
    const { boss, li, wang } = team("nudge-rights");
    await boss.run("help");
    const n = await addAs(li, "add Rights Co");
    const refused = await wang.run(`nudge #${n} hurry`);
    expect(refused.ok).toBe(false);
    expect(await notices("nudge-rights")).toEqual([]);
  });
});
