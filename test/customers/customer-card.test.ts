import { describe, expect, it } from "vitest";
import type { CommandContext } from "../../src/commands/context.ts";
import { customerCard } from "../../src/customers/customer-card.ts";
import { messagesFor } from "../../src/i18n/messages.ts";
import { loadPlaybook } from "../../src/playbook/load-playbook.ts";
import type { Reply } from "../../src/reply.ts";
import { cardTitled, fieldsOf, sectionsOf } from "../support/card-lines.ts";
import { addAs, addSelection, useCrm, type Person } from "../support/crm-fixture.ts";

// A customer's card as `show` gives it, whoever reads it: what it says of the customer, its
// sections (next touches, orders, filing gaps, owners, recent activity) and the buttons offered.
const t = useCrm();

/** The buttons of a card as [kind, label, command or the commands offered, style when it has one]. */
function actionsOf(reply: Reply, title: string) {
  return cardTitled(reply, title).actions.map((a) => [
    a.kind, a.label, a.kind === "choose" ? a.options.map((o) => `${o.label}: ${o.command}`) : "command" in a ? a.command : a.kind,
    ...("style" in a && a.style ? [a.style] : []),
  ]);
}

async function show(person: Person, n: number): Promise<Reply> {
  const reply = await person.run(`show #${n}`);
  expect(reply.ok, reply.text).toBe(true);
  return reply;
}

async function ok(person: Person, line: string): Promise<Reply> {
  const reply = await person.run(line);
  expect(reply.ok, reply.text).toBe(true);
  return reply;
}

/** A workspace with its director (the first person, so its admin) and two reps. */
function team(workspace: string, locale: "en" | "zh-CN" = "en") {
  const boss = t.person(`${workspace}-boss`, { workspace, locale });
  const rep = t.person(`${workspace}-rep`, { workspace, locale });
  const other = t.person(`${workspace}-other`, { workspace, locale });
  return {
    boss, rep, other,
    async start() {
      await ok(boss, "help");
      await ok(other, "help");
    },
  };
}

const REP_ACTIONS = (ref: string) => [
  ["prompt", "Log call", `log ${ref} call`, "primary"],
  ["prompt", "Log SMS", `log ${ref} sms`],
  ["prompt", "Log visit", `log ${ref} visit`],
  ["run", "Snooze 1 day", `snooze ${ref} 1d`],
  ["run", "Snooze 3 days", `snooze ${ref} 3d`],
];

describe("a customer's card", () => {
  it("shows the fields filled in, the owner, filing and MAN, the next touches, what filing lacks and the five latest activities, newest first", async () => {
    const { rep, start } = team("card-fields");
    await start();
    const n = await addAs(rep, "add CardCo contact=Zhang mobile=13800138301 city=Foshan man=MAN note=met-at-the-fair");
    const days = ["first", "second", "third", "fourth", "fifth", "sixth"];
    for (const [i, word] of days.entries()) {
      t.clock.advanceDays(1);
      await ok(rep, `log #${n} ${i % 2 ? "sms" : "call"} the ${word} touch`);
    }
    await ok(rep, `log #${n} note met again at the fair`);
    const reply = await show(rep, n);
    const title = `#${n} CardCo`;
    expect(cardTitled(reply, title).subtitle).toBe("Potential · D");
    // Company and note are not fields: the company is the title, the note comes last.
    expect(fieldsOf(reply, title)).toEqual([
      ["Decision-maker", "Zhang"],
      ["Mobile", "13800138301"],
      ["City", "Foshan"],
      ["Owner", "card-fields-rep"],
      ["Filing", "not filed"],
      ["MAN (money, authority, need)", "MAN"],
      ["Note", "met-at-the-fair"],
    ]);
    expect(sectionsOf(reply, title)).toEqual([
      // Potential D: a call and an SMS every 21 days, from the last of each (Sat 28 Nov, Sun 29 Nov).
      ["Next touches", "Call: in 19 days (Fri 18 Dec 2026)", "SMS: in 22 days (Mon 21 Dec 2026)"],
      // The calls logged ("the first touch", "the third touch", "the fifth touch") have 39 characters of substance, past the 24 needed.
      ["Missing for filing", "Province", "Position", "Address"],
      ["Recent activity",
        "Sun 29 Nov 2026 Note: met again at the fair",
        "Sun 29 Nov 2026 SMS: the sixth touch",
        "Sat 28 Nov 2026 Call: the fifth touch",
        "Fri 27 Nov 2026 SMS: the fourth touch",
        "Thu 26 Nov 2026 Call: the third touch"],
    ]);
    const ref = `#${n}@card-fields`;
    expect(actionsOf(reply, title)).toEqual([
      ...REP_ACTIONS(ref),
      ["choose", "Change grade", [`A: grade ${ref} A`, `B: grade ${ref} B`, `C: grade ${ref} C`]],
      ["choose", "Change stage", [`Intention: stage ${ref} intention`, `Selection: stage ${ref} selection`, `Won: stage ${ref} won`]],
      ["run", "Mark won", `won ${ref}`, "primary"],
      ["prompt", "Mark lost", `lost ${ref}`, "danger"],
      ["run", "Submit filing", `file ${ref}`],
    ]);
  });

  it("counts only the call log's substance toward filing, and names what it still needs", async () => {
    const { rep, start } = team("card-calllog");
    await start();
    const n = await addAs(rep, "add ShortLog Co contact=Li mobile=13800138302 province=Guangdong title=Buyer address=Road-1");
    const title = `#${n} ShortLog Co`;
    expect(sectionsOf(await show(rep, n), title)).toContainEqual(["Missing for filing", "Call log: 0 of 24 characters of substance — log what was discussed"]);
    await ok(rep, `log #${n} call hi, there!`);
    await ok(rep, `log #${n} sms a long message that is not a call and so does not count`);
    expect(sectionsOf(await show(rep, n), title)).toContainEqual(["Missing for filing", "Call log: 7 of 24 characters of substance — log what was discussed"]);
    // 7 + 17 = 24: exactly enough, so nothing is missing any more.
    await ok(rep, `log #${n} visit abcdefghijklmnopq`);
    expect(sectionsOf(await show(rep, n), title).map((s) => s[0])).toEqual(["Next touches", "Recent activity"]);
  });

  it("offers the director approve and reject on a pending filing, the rep neither; a complete filing lacks nothing", async () => {
    const { boss, rep, start } = team("card-filing");
    await start();
    const n = await addAs(rep, "add FiledCo contact=Wu mobile=13800138303 province=Guangdong title=Manager address=Road-2 stage=intention grade=A");
    await ok(rep, `log #${n} call Wu confirmed five units and asked for the delivery date next week`);
    const ref = `#${n}@card-filing`;
    // Before it is filed the director is offered nothing to approve.
    expect(actionsOf(await show(boss, n), `#${n} FiledCo`).at(-1)).toEqual(["run", "Submit filing", `file ${ref}`]);
    await ok(rep, `file #${n}`);
    const asRep = await show(rep, n);
    expect(fieldsOf(asRep, `#${n} FiledCo`)).toContainEqual(["Filing", "waiting for approval"]);
    expect(actionsOf(asRep, `#${n} FiledCo`).map((a) => a[1])).not.toContain("Approve filing");
    const asBoss = await show(boss, n);
    expect(actionsOf(asBoss, `#${n} FiledCo`).slice(-2)).toEqual([
      ["run", "Approve filing", `approve ${ref}`, "primary"],
      ["prompt", "Reject filing", `reject ${ref}`, "danger"],
    ]);
    expect(actionsOf(asBoss, `#${n} FiledCo`).map((a) => a[1])).not.toContain("Submit filing");
    // Nothing is missing, so no section says so.
    expect(sectionsOf(asBoss, `#${n} FiledCo`).map((s) => s[0])).toEqual(["Next touches", "Recent activity"]);

    await ok(boss, `reject #${n} add the purchase volume`);
    const rejected = await show(rep, n);
    expect(fieldsOf(rejected, `#${n} FiledCo`)).toContainEqual(["Filing", "rejected: add the purchase volume"]);
    expect(actionsOf(rejected, `#${n} FiledCo`).at(-1)).toEqual(["run", "Submit filing", `file ${ref}`]);
  });

  it("lists a won customer's orders with the standing total, an unknown amount said as such, and offers another order or a loss", async () => {
    const { rep, start } = team("card-orders");
    await start();
    const n = await addAs(rep, "add OrderCo contact=Qian mobile=13800138304");
    await ok(rep, `won #${n}`);
    t.clock.advanceDays(2);
    await ok(rep, `order #${n} 2万 second batch`);
    await ok(rep, `order #${n} 3500`);
    const title = `#${n} OrderCo`;
    const won = await show(rep, n);
    expect(cardTitled(won, title).subtitle).toBe("Won");
    // No MAN, no note, no activity: no line and no section for them.
    expect(fieldsOf(won, title)).toEqual([["Decision-maker", "Qian"], ["Mobile", "13800138304"], ["Owner", "card-orders-rep"], ["Filing", "not filed"]]);
    // Filing is how a prospect is claimed: a won customer is past it, so nothing says what filing lacks.
    expect(sectionsOf(won, title).map((s) => s[0])).toEqual(["Next touches", "Orders (3, ¥23,500)"]);
    expect(sectionsOf(won, title)).toContainEqual([
      "Orders (3, ¥23,500)",
      "Mon 23 Nov 2026 amount not yet known",
      "Wed 25 Nov 2026 ¥20,000 — second batch",
      "Wed 25 Nov 2026 ¥3,500",
    ]);
    const ref = `#${n}@card-orders`;
    expect(actionsOf(won, title)).toEqual([
      ...REP_ACTIONS(ref),
      ["prompt", "Add order", `order ${ref}`, "primary"],
      ["prompt", "Order cancelled", `lost ${ref} cancelled`, "danger"],
      ["prompt", "Customer churned", `lost ${ref} churned`, "danger"],
    ]);

    await ok(rep, `lost #${n} cancelled price changed`);
    const lost = await show(rep, n);
    expect(cardTitled(lost, title).subtitle).toBe("Lost");
    expect(fieldsOf(lost, title)).toContainEqual(["Lost reason", "Price"]);
    // Cancelled orders stay on the card, marked, and leave the count and the total.
    expect(sectionsOf(lost, title)).toContainEqual([
      "Orders (0, ¥0)",
      "Mon 23 Nov 2026 amount not yet known (cancelled)",
      "Wed 25 Nov 2026 ¥20,000 — second batch (cancelled)",
      "Wed 25 Nov 2026 ¥3,500 (cancelled)",
    ]);
    // A lost customer has nothing due and one way back: a stage (not lost itself).
    expect(sectionsOf(lost, title).map((s) => s[0])).not.toContain("Next touches");
    expect(actionsOf(lost, title)).toEqual([
      ["choose", "Reactivate", [`Potential: stage ${ref} potential`, `Intention: stage ${ref} intention`, `Selection: stage ${ref} selection`, `Won: stage ${ref} won`]],
    ]);
  });

  it("keeps the owner history with names and reasons, the shared pool as —, an owner no longer known as ?, and says where a pooled customer is", async () => {
    const { boss, rep, other, start } = team("card-owners");
    await start();
    const n = await addAs(rep, "add OwnedCo contact=Sun mobile=13800138305");
    await ok(boss, `assign #${n} @card-owners-other moving house`);
    t.clock.advanceDays(1);
    await ok(other, `release #${n} no answer`);
    const title = `#${n} OwnedCo`;
    const pooled = await show(boss, n);
    expect(fieldsOf(pooled, title)).toContainEqual(["Owner", "in the pool since Tue 24 Nov 2026"]);
    expect(sectionsOf(pooled, title)).toContainEqual([
      "Owner history",
      "Mon 23 Nov 2026 card-owners-rep → card-owners-other (moving house)",
      "Tue 24 Nov 2026 card-owners-other → — (no answer)",
    ]);

    t.clock.advanceDays(1);
    await ok(rep, `claim #${n}`);
    // A change recorded for someone the workspace no longer knows (an id without a user).
    const customer = await t.db.prisma.customer.findFirstOrThrow({ where: { company: "OwnedCo" } });
    await t.db.prisma.ownerChange.create({
      data: { workspaceId: customer.workspaceId, customerId: customer.id, userId: customer.ownerId, fromOwnerId: "gone", toOwnerId: customer.ownerId, reason: null, at: t.clock.now },
    });
    const claimed = await show(rep, n);
    expect(fieldsOf(claimed, title)).toContainEqual(["Owner", "card-owners-rep"]);
    const owners = sectionsOf(claimed, title).find((s) => s[0] === "Owner history")!;
    expect(owners.slice(3)).toEqual(["Wed 25 Nov 2026 — → card-owners-rep", "Wed 25 Nov 2026 ? → card-owners-rep"]);
  });

  it("says how each channel is due, by the reader's local day: upcoming, today, days ago, then overdue", async () => {
    const { rep, start } = team("card-due");
    await start();
    // Potential A: a call and an SMS every 7 days, overdue 3 days later. Added Mon 23 Nov: due Mon 30 Nov, overdue Thu 3 Dec.
    const n = await addAs(rep, "add DueCo contact=Zhou mobile=13800138306 grade=A");
    const next = async () => sectionsOf(await show(rep, n), `#${n} DueCo`).find((s) => s[0] === "Next touches")!.slice(1);
    t.clock.set("2026-11-26T02:00:00Z");
    expect(await next()).toEqual(["Call: in 4 days (Mon 30 Nov 2026)", "SMS: in 4 days (Mon 30 Nov 2026)"]);
    t.clock.set("2026-11-29T15:59:00Z"); // Sun 23:59 in Shanghai: still tomorrow
    expect(await next()).toEqual(["Call: in 1 day (Mon 30 Nov 2026)", "SMS: in 1 day (Mon 30 Nov 2026)"]);
    t.clock.set("2026-11-29T16:00:00Z"); // Mon 00:00
    expect(await next()).toEqual(["Call: due today", "SMS: due today"]);
    t.clock.set("2026-12-02T15:59:00Z"); // Wed 23:59
    expect(await next()).toEqual(["Call: due 2 days ago", "SMS: due 2 days ago"]);
    t.clock.set("2026-12-02T16:00:00Z"); // Thu 00:00: overdue, the days still counted from the due day
    expect(await next()).toEqual(["Call: overdue, due 3 days ago", "SMS: overdue, due 3 days ago"]);
  });

  it("reads in Chinese: grades with their level, stages by their Chinese names", async () => {
    const { rep, start } = team("card-zh", "zh-CN");
    await start();
    const n = await addAs(rep, "add 佛山卡片电器 联系人=周先生 手机=13800138307 等级=B");
    const reply = await show(rep, n);
    const title = `#${n} 佛山卡片电器`;
    const ref = `#${n}@card-zh`;
    expect(fieldsOf(reply, title)).toContainEqual(["负责业务员", "card-zh-rep"]);
    const choices = actionsOf(reply, title).filter((a) => a[0] === "choose");
    expect(choices).toEqual([
      ["choose", "调整等级", [`A级: grade ${ref} A`, `C级: grade ${ref} C`, `D级: grade ${ref} D`]],
      ["choose", "调整阶段", [`意向客户: stage ${ref} 意向客户`, `选型客户: stage ${ref} 选型客户`, `成交客户: stage ${ref} 成交客户`]],
    ]);
  });

  it("marks the overdue from the start of the overdue day in the reader's own zone, counting the days from the due day", async () => {
    const { rep, start } = team("card-zone");
    await start();
    // Potential A, added Mon 23 Nov 10:00 Shanghai: due Mon 30 Nov, overdue from Thu 3 Dec 00:00 Shanghai (Wed 2 Dec 11:00 in New York).
    const n = await addAs(rep, "add ZoneCo contact=Ma mobile=13800138308 grade=A");
    const reader = t.person("card-zone-boss", { workspace: "card-zone", timeZone: "America/New_York" });
    t.clock.set("2026-12-02T14:00:00Z"); // Wed 09:00 in New York: the overdue moment is later today there
    const next = sectionsOf(await show(reader, n), `#${n} ZoneCo`).find((s) => s[0] === "Next touches")!.slice(1);
    expect(next).toEqual(["Call: overdue, due 3 days ago", "SMS: overdue, due 3 days ago"]);
    // The rep in Shanghai (Wed 22:00) is not overdue yet.
    const own = sectionsOf(await show(rep, n), `#${n} ZoneCo`).find((s) => s[0] === "Next touches")!.slice(1);
    expect(own).toEqual(["Call: due 2 days ago", "SMS: due 2 days ago"]);
  });

  it("marks each line of a list: overdue with its days, due today, due days ago, the next date, nothing when nothing is due", async () => {
    const { rep, start } = team("card-list");
    await start();
    // Potential A: due 7 days after the add, overdue 3 days after that.
    const a = await addAs(rep, "add ListA grade=A"); // Mon 23 Nov: due Mon 30, overdue Thu 3 Dec
    t.clock.set("2026-11-24T02:00:00Z");
    const b = await addAs(rep, "add ListB grade=A"); // due Tue 1 Dec
    t.clock.set("2026-11-26T02:00:00Z");
    const c = await addAs(rep, "add ListC grade=A"); // due Thu 3 Dec
    t.clock.set("2026-11-30T02:00:00Z");
    const d = await addAs(rep, "add ListD grade=A"); // due Mon 7 Dec
    const e = await addAs(rep, "add ListE grade=A");
    await ok(rep, `lost #${e} price`);
    t.clock.set("2026-12-03T02:00:00Z"); // Thu 3 Dec, 10:00
    const reply = await ok(rep, "list");
    expect(reply.cards[0]!.sections[0]!.items).toEqual([
      `#${a} ListA · Potential · A · ⚠ OVERDUE, due 3 days ago`,
      `#${b} ListB · Potential · A · due 2 days ago`,
      `#${c} ListC · Potential · A · due today`,
      `#${d} ListD · Potential · A · next Mon 7 Dec 2026`,
      `#${e} ListE · Lost`,
    ]);
  });

  it("offers no grade to a stage without grades", async () => {
    const { rep, start } = team("card-selection");
    await start();
    const n = await addSelection(t, rep, "add SelectCo contact=He mobile=13800138309");
    const labels = actionsOf(await show(rep, n), `#${n} SelectCo`).map((a) => a[1]);
    expect(labels).not.toContain("Change grade");
    expect(labels).toContain("Change stage");
  });

  it("does not ask an approved or won customer for what filing would lack (the playbook may ask more since)", async () => {
    const { rep, start } = team("card-approved");
    await start();
    const n = await addAs(rep, "add ApprovedCo contact=Xu mobile=13800138310");
    const customer = await t.db.prisma.customer.findFirstOrThrow({ where: { company: "ApprovedCo" } });
    const user = await t.db.prisma.user.findFirstOrThrow({ where: { id: customer.ownerId } });
    const workspace = await t.db.prisma.workspace.findFirstOrThrow({ where: { id: customer.workspaceId } });
    const ctx = {
      caller: { user, workspace, locale: "en", timeZone: "Asia/Shanghai", m: messagesFor("en") },
      playbook: await loadPlaybook("default"),
      now: t.clock.now,
    } as unknown as CommandContext;
    // A playbook that now asks for the province and 24 characters of call log, from a customer that has neither.
    const gaps = { missing: ["province" as const], callLogChars: 24, callLogNeeded: 24 };
    const sectionTitles = (status: string, stage = "potential") =>
      customerCard(ctx, { customer: { ...customer, filingStatus: status, stage }, ownerName: "x", gaps }).sections.map((s) => [s.title, ...s.items]);
    expect(sectionTitles("none")).toEqual([["Missing for filing", "Province"]]);
    expect(sectionTitles("approved")).toEqual([]);
    expect(sectionTitles("none", "won")).toEqual([]);
    expect(customer.number).toBe(n);
  });
});
