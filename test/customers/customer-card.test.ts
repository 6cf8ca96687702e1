import { describe, expect, it } from "vitest";
import type { Reply } from "../../src/reply.ts";
import { cardTitled, fieldsOf, sectionsOf } from "../support/card-lines.ts";
import { addAs, useCrm, type Person } from "../support/crm-fixture.ts";

// A customer's card as `show` gives it, whoever reads it: what it says of the customer, its
// sections (next touches, orders, filing gaps, owners, recent activity) and the buttons offered.
const t = useCrm();

/** The buttons of a card as [kind, label, command or the commands offered]. */
function actionsOf(reply: Reply, title: string) {
  return cardTitled(reply, title).actions.map((a) => [a.kind, a.label, a.kind === "choose" ? a.options.map((o) => `${o.label}: ${o.command}`) : "command" in a ? a.command : a.kind]);
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
  ["prompt", "Log call", `log ${ref} call`],
  ["prompt", "Log SMS", `log ${ref} sms`],
  ["prompt", "Log visit", `log ${ref} visit`],
  ["run", "Snooze 1 day", `snooze ${ref} 1d`],
  ["run", "Snooze 3 days", `snooze ${ref} 3d`],
];

describe("a customer's card", () => {
  it("shows the fields filled in, the owner, filing and MAN, the next touches, what filing lacks and the five latest activities, newest first", async () => {
    const { rep, start } = team("card-fields");
    await start();
    const n = await addAs(rep, "add CardCo contact=Zhang mobile=13800138301 city=Foshan man=NA note=met-at-the-fair");
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
      ["MAN (money, authority, need)", "AN"],
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
      ["run", "Mark won", `won ${ref}`],
      ["prompt", "Mark lost", `lost ${ref}`],
      ["run", "Submit filing", `file ${ref}`],
    ]);
  });

  it("counts only the call log's substance toward filing, and names what it still needs", async () => {
    const { rep, start } = team("card-calllog");
    await start();
    const n = await addAs(rep, "add ShortLog Co contact=Li mobile=13800138302 province=Guangdong title=Buyer address=Road-1");
    await ok(rep, `log #${n} call hi, there!`);
    await ok(rep, `log #${n} sms a long message that is not a call and so does not count`);
    const sections = sectionsOf(await show(rep, n), `#${n} ShortLog Co`);
    expect(sections).toContainEqual(["Missing for filing", "Call log: 7 of 24 characters of substance — log what was discussed"]);
  });

  it("offers the director approve and reject on a pending filing, the rep neither; a complete filing lacks nothing", async () => {
    const { boss, rep, start } = team("card-filing");
    await start();
    const n = await addAs(rep, "add FiledCo contact=Wu mobile=13800138303 province=Guangdong title=Manager address=Road-2 stage=intention grade=A");
    await ok(rep, `log #${n} call Wu confirmed five units and asked for the delivery date next week`);
    await ok(rep, `file #${n}`);
    const ref = `#${n}@card-filing`;
    const asRep = await show(rep, n);
    expect(fieldsOf(asRep, `#${n} FiledCo`)).toContainEqual(["Filing", "waiting for approval"]);
    expect(actionsOf(asRep, `#${n} FiledCo`).map((a) => a[1])).not.toContain("Approve filing");
    const asBoss = await show(boss, n);
    expect(actionsOf(asBoss, `#${n} FiledCo`).slice(-2)).toEqual([
      ["run", "Approve filing", `approve ${ref}`],
      ["prompt", "Reject filing", `reject ${ref}`],
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
    expect(sectionsOf(won, title)).toContainEqual([
      "Orders (3, ¥23,500)",
      "Mon 23 Nov 2026 amount not yet known",
      "Wed 25 Nov 2026 ¥20,000 — second batch",
      "Wed 25 Nov 2026 ¥3,500",
    ]);
    // Filing is how a prospect is claimed: a won customer is past it.
    expect(sectionsOf(won, title).map((s) => s[0])).not.toContain("Missing for filing");
    const ref = `#${n}@card-orders`;
    expect(actionsOf(won, title)).toEqual([
      ...REP_ACTIONS(ref),
      ["prompt", "Add order", `order ${ref}`],
      ["prompt", "Order cancelled", `lost ${ref} cancelled`],
      ["prompt", "Customer churned", `lost ${ref} churned`],
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
});
