import { describe, expect, it } from "vitest";
import { addAs, addSelection, useCrm } from "../support/crm-fixture.ts";

const DAY = 86_400_000;
const t = useCrm();

describe("log, due and snooze", () => {
  it("logs a touch, restarts that channel's interval and shows the new due dates", async () => {
    const rep = t.person("logger");
    const n = await addAs(rep, "add LogCo grade=A");
    t.clock.advanceDays(3);
    const reply = await rep.run(`log #${n} call Spoke with the buyer about a 20-unit order`);
    expect(reply.ok).toBe(true);
    expect(reply.text).toBe(`Call logged on #${n}.`);
    const next = reply.cards[0]!.sections.find((s) => s.title === "Next touches")!.items;
    // Potential A: call and SMS every 7 days. SMS counts from the add (4 days left), the call from today (7).
    expect(next).toEqual(["SMS: in 4 days (Mon 30 Nov 2026)", "Call: in 7 days (Thu 3 Dec 2026)"]);
    const activity = await t.db.prisma.activity.findFirstOrThrow({ where: { content: { startsWith: "Spoke" } } });
    expect(activity).toMatchObject({ channel: "call", content: "Spoke with the buyer about a 20-unit order" });
  });

  it("stores on a touch the due it answers, counted from that channel's last touch, and shows the touch on the card it answers with", async () => {
    // Potential A: call and SMS every 7 days, overdue 3 days later. Added Mon 23 Nov: both due Mon 30 Nov.
    const rep = t.person("answers", { workspace: "log-answers" });
    const n = await addAs(rep, "add AnswerCo grade=A");
    t.clock.set("2026-11-25T02:00:00Z"); // Wed 25 Nov: an early SMS, nothing due yet
    expect((await rep.run(`log #${n} sms sent the catalogue`)).ok).toBe(true);
    t.clock.set("2026-12-02T02:00:00Z"); // Wed 2 Dec: the call is overdue-bound since Mon, the SMS due today
    const reply = await rep.run(`log #${n} sms sent the price list`);
    expect(reply.ok).toBe(true);
    const { id, lastTouchAt } = await t.db.prisma.customer.findFirstOrThrow({ where: { company: "AnswerCo" } });
    expect(lastTouchAt).toEqual(new Date("2026-12-02T02:00:00Z"));
    const latest = await t.db.prisma.activity.findFirstOrThrow({ where: { customerId: id, content: "sent the price list" } });
    // A week after the last SMS (Wed 2 Dec), overdue 3 days later on Sat 5 Dec: a day off, so Mon 7 Dec.
    // Counted from the add instead, it would be Mon 30 Nov and Thu 3 Dec.
    expect({ dueAt: latest.dueAt, overdueAt: latest.overdueAt }).toEqual({
      dueAt: new Date("2026-12-02T00:00:00+08:00"),
      overdueAt: new Date("2026-12-07T00:00:00+08:00"),
    });
    const recent = reply.cards[0]!.sections.find((s) => s.title === "Recent activity")!.items;
    expect(recent[0]).toContain("sent the price list");
    expect(recent[1]).toContain("sent the catalogue");
  });

  it("accepts Chinese channel words and refuses a missing note or an unknown channel", async () => {
    const rep = t.person("logger-cn", { locale: "zh-CN" });
    const n = await addAs(rep, "add 中文公司");
    expect((await rep.run(`跟进 #${n} 短信 发了产品目录`)).text).toBe(`已记录 #${n} 的短信跟进。`);
    const noNote = await rep.run(`log #${n} call`);
    expect(noNote.ok).toBe(false);
    expect(noNote.text).toContain("请写下这次电话沟通的内容");
    const badChannel = await rep.run(`log #${n} pigeon hello`);
    expect(badChannel.text).toContain("“pigeon”不是联系方式");
  });

  it("asks how they were contacted when no channel is given, and names a word that is none, in English and Chinese", async () => {
    const rep = t.person("logger-ask", { workspace: "log-ask" });
    const zh = t.person("logger-ask-zh", { workspace: "log-ask", locale: "zh-CN" });
    const n = await addAs(rep, "add AskLogCo");
    const m = await addAs(zh, "新增 问跟进公司");
    const missing = await rep.run(`log #${n}`);
    expect([missing.ok, missing.code, missing.text]).toEqual([false, "missing_channel", "How did you contact them? One of: call, sms, visit, email, wechat, note."]);
    const bad = await rep.run(`log #${n} pigeon hello`);
    expect([bad.ok, bad.code, bad.text]).toEqual([false, "bad_channel", '"pigeon" is not a way of contact. Use one of: call, sms, visit, email, wechat, note.']);
    expect((await zh.run(`跟进 #${m}`)).text).toBe("用什么方式联系的？可选：call、sms、visit、email、wechat、note。");
    expect(await t.db.prisma.activity.count({ where: { customer: { workspace: { externalId: "log-ask" } } } })).toBe(0);
  });

  it("lists today's due customers overdue first, then by stage and grade, in the rep's own time zone", async () => {
    const rep = t.person("due-rep");
    const start = t.clock.now;
    const d = await addAs(rep, "add DueD grade=D");
    const a = await addAs(rep, "add DueA grade=A");
    const sel = await addSelection(t, rep, "add DueSel");
    expect((await rep.run("due")).text).toMatch(/^Nothing is due today/);

    // 8 days on: A (7 d) is due, not yet overdue (7 + 3 grace); selection (every 3, overdue 5) is overdue.
    t.clock.set(new Date(start.getTime() + 8 * DAY).toISOString());
    const reply = await rep.run("due");
    expect(reply.text).toBe("2 customers to contact today, 1 overdue.");
    expect(reply.cards.map((c) => c.title)).toEqual([`#${sel} DueSel`, `#${a} DueA`]);
    // Selection was due on day 3: five days ago (it turned overdue on day 5).
    expect(reply.cards[0]!.sections[0]!.items[0]).toBe("Call: overdue, due 5 days ago");
    // A was due yesterday: "due today" is only for the due day.
    expect(reply.cards[1]!.sections[0]!.items).toContain("Call: due 1 day ago");
    expect(reply.cards[1]!.actions.map((x) => x.kind === "run" || x.kind === "prompt" ? x.command : "")).toEqual([
      `log #${a}@ws1 call`, `log #${a}@ws1 sms`, `snooze #${a}@ws1 1d`, `show #${a}@ws1`,
    ]);
    expect(reply.cards.some((c) => c.title.includes(`#${d} `))).toBe(false);
  });

  it("counts 'today' in the rep's time zone", async () => {
    // Both add a potential A customer at 10:00 Shanghai (02:00 UTC): the call is due 7 days later
    // at 02:00 UTC — 10:00 on day 7 in Shanghai, but 21:00 on day 6 in New York.
    const ny = t.person("ny-rep", { timeZone: "America/New_York" });
    const sh = t.person("sh-rep", { timeZone: "Asia/Shanghai" });
    const start = t.clock.now.getTime();
    const nyCustomer = await addAs(ny, "add NYCo grade=A");
    await addAs(sh, "add SHCo grade=A");
    t.clock.set(new Date(start + 5 * DAY + 18 * 3_600_000).toISOString()); // 15:00 NY on day 5
    expect((await ny.run("due")).text).toMatch(/^Nothing is due/);
    t.clock.set(new Date(start + 6 * DAY + 10 * 3_600_000).toISOString()); // 07:00 NY / 20:00 Shanghai on day 6
    expect((await ny.run("due")).cards.map((c) => c.title)).toEqual([`#${nyCustomer} NYCo`]);
    expect((await sh.run("due")).text).toMatch(/^Nothing is due/);
  });

  it("snoozes a customer off the due list until the given time", async () => {
    const rep = t.person("snoozer");
    const start = t.clock.now;
    const n = await addSelection(t, rep, "add SnoozeCo");
    t.clock.set(new Date(start.getTime() + 4 * DAY).toISOString());
    expect((await rep.run("due")).cards).toHaveLength(1);
    const reply = await rep.run(`snooze #${n} 2d`);
    expect(reply.text).toBe(`#${n} snoozed until Sun 29 Nov 2026 10:00.`);
    expect((await rep.run("due")).cards).toHaveLength(0);
    // The snooze ends on Sunday 29 Nov, a day off: the customer is due again on Monday.
    t.clock.set(new Date(start.getTime() + 6 * DAY).toISOString());
    expect((await rep.run("due")).cards).toHaveLength(0);
    t.clock.set(new Date(start.getTime() + 7 * DAY).toISOString());
    expect((await rep.run("due")).cards).toHaveLength(1);
    expect((await rep.run(`snooze #${n} forever`)).text).toContain('I could not read "forever" as a span of time');
  });

  it("asks how long when no span is given, and names the part of a span it could not read", async () => {
    const rep = t.person("snooze-asker");
    const n = await addSelection(t, rep, "add AskCo");
    const missing = await rep.run(`snooze #${n}   `);
    expect(missing.ok).toBe(false);
    expect(missing.text).toBe("How long? Write it like 2d, 2 days, 12h, 1w, 2 weeks, 1 month, 两天, 2周 or 1个月 (at most 90 days).");
    // The code is what an adapter tells the two refusals apart by (a missing span, a span it could not read).
    expect(missing.code).toBe("missing_duration");
    const unread = await rep.run(`snooze #${n} 2 weks`);
    expect(unread.text).toBe(
      'I could not read "weks" in "2 weks" as a span of time. Write it like 2d, 2 days, 12h, 1w, 2 weeks, 1 month, 两天, 2周 or 1个月 (at most 90 days).',
    );
    expect(unread.code).toBe("bad_duration");
    // A quoted blank is no span either.
    expect((await rep.run(`snooze #${n} "   "`)).code).toBe("missing_duration");
    // Nothing at all after the word: which customer, not an internal error.
    const bare = await rep.run("snooze");
    expect({ ok: bare.ok, code: bare.code, text: bare.text }).toEqual({ ok: false, code: "missing_ref", text: "Which customer? Give its number like #12, or part of its name." });
    // Nothing was snoozed by either.
    expect((await t.db.prisma.customer.findFirstOrThrow({ where: { company: "AskCo" } })).snoozedUntil).toBeNull();
  });
});
