import { describe, expect, it } from "vitest";
import { SUBCOMMAND_NAMES } from "../../src/commands/subcommands.ts";
import { useCrm } from "../support/crm-fixture.ts";
import { headers, later, slackUser, textOf, useSlack } from "./harness.ts";

const t = useCrm();
const slack = useSlack(t);

const boss = slackUser("U_BOSS", "boss");
const alice = slackUser("U_ALICE", "alice");
const bob = slackUser("U_BOB", "bob");
const stranger = slackUser("U_STRANGER", "stranger", "T2");
const COMPLETE = 'province=Guangdong contact=Li title=GM mobile=13800138000 address="1 Daliang Rd, Foshan"';
const CALL_LOG = "Talked for twenty minutes: three hotel kitchens, they need 20 induction cookers, budget approved, decision next Wednesday.";

/** Subcommands this file drives through /prospect; the last test checks none of the core's is missing. */
const covered = new Set<string>();
async function run(user: ReturnType<typeof slackUser>, text: string, channel?: string) {
  covered.add(text.split(" ")[0]!);
  return slack.command(user, text, channel ? { channel } : {});
}

describe("/prospect, every subcommand through signed HTTP requests", () => {
  it("maps a Slack user to a core user on first contact, from users.info; the first one administers the workspace", async () => {
    slack.fake.setUser({ id: alice.id, name: "alice", real_name: "Alice Li", tz: "Europe/London", locale: "en-US" });
    slack.fake.setUser({ id: boss.id, name: "boss", tz: "Asia/Shanghai", locale: "en-GB" });
    slack.fake.setUser({ id: bob.id, name: "bob", locale: "en-US" });
    const help = await run(boss, "help");
    expect(help.response_type).toBe("ephemeral");
    expect(headers(help.blocks)).toEqual(["Prospect commands"]);
    // mrkdwn escapes what could be markup: typed text can never ping @channel or fake a link.
    expect(textOf(help.blocks)).toContain("/prospect add &lt;company&gt; key=value… — add a prospect");
    await run(alice, "help add");
    const users = await t.db.prisma.user.findMany({ where: { externalId: { in: [boss.id, alice.id] } }, orderBy: { createdAt: "asc" } });
    expect(users.map((u) => [u.externalId, u.role, u.displayName, u.timeZone, u.locale])).toEqual([
      [boss.id, "admin", "boss", "Asia/Shanghai", "en"],
      [alice.id, "rep", "alice", "Europe/London", "en"],
    ]);
    // One users.info per person: the answer is cached.
    expect(slack.fake.callsTo("users.info").filter((c) => c.body.user === alice.id)).toHaveLength(1);
  });

  it("answers with an empty ack, then posts the card privately to the person who asked", async () => {
    const { status, responseId } = await slack.slash(alice, `add "Foshan Tuoxin" ${COMPLETE}`);
    expect(status).toBe(200);
    covered.add("add");
    const { body } = await slack.fake.waitForResponse(responseId);
    // Customer cards are private even in a team channel: other reps must not read them.
    expect(body.response_type).toBe("ephemeral");
    expect(body.text).toBe("Added #1 Foshan Tuoxin.");
    expect(headers(body.blocks)).toEqual(["#1 Foshan Tuoxin"]);
    const buttons = body.blocks.filter((b: any) => b.type === "actions").flatMap((b: any) => b.elements.map((e: any) => e.text?.text ?? e.placeholder.text));
    expect(buttons).toEqual(["Log call", "Log SMS", "Log visit", "Snooze 1 day", "Snooze 3 days", "Change grade", "Change stage", "Mark won", "Mark lost", "Submit filing"]);
    const row = await t.db.prisma.customer.findFirstOrThrow({ where: { company: "Foshan Tuoxin" }, include: { owner: true } });
    expect(row.owner.externalId).toBe(alice.id);
  });

  it("runs list, show, edit, log, grade, stage, snooze and due", async () => {
    expect((await run(alice, "list")).text).toBe("Your customers (1)");
    const shown = await run(alice, "show #1");
    expect(headers(shown.blocks)).toEqual(["#1 Foshan Tuoxin"]);
    expect(textOf(shown.blocks)).toContain("13800138000");
    expect((await run(alice, "edit #1 email=li@example.com")).text).toBe("Updated #1.");
    expect((await run(alice, `log #1 call ${CALL_LOG}`)).text).toBe("Call logged on #1.");
    expect((await run(alice, "grade #1 B")).text).toBe("#1 is now Potential · B.");
    expect((await run(alice, "stage #1 intention A")).text).toBe("#1 is now Intention · A.");
    expect((await run(alice, "snooze #1 1d")).text).toMatch(/^#1 snoozed until /);
    expect((await run(alice, "due")).text).toBe("Nothing is due today. Good time to find new prospects: /prospect add");
    const row = await t.db.prisma.customer.findFirstOrThrow({ where: { number: 1, workspace: { externalId: "T1" } } });
    expect(row).toMatchObject({ email: "li@example.com", stage: "intention", grade: "A" });
    expect(row.snoozedUntil).not.toBeNull();
  });

  it("files, and lets the admin name a director (by Slack mention), who approves or rejects", async () => {
    expect((await run(alice, "file #1")).text).toBe("#1 submitted for filing; a director will approve it.");
    await run(bob, "help");
    expect((await run(alice, "approve #1")).text).toBe("Only a director can do this.");
    expect((await run(boss, `role <@${bob.id}|bob> director`)).text).toBe("bob is now director.");
    expect((await run(bob, "reject #1 the mobile is the front desk")).text).toBe("Filing of #1 rejected: the mobile is the front desk");
    later(t); // the same command a few seconds later would count as sent twice
    expect((await run(alice, "file #1")).text).toBe("#1 submitted for filing; a director will approve it.");
    expect((await run(bob, "approve #1")).text).toBe("Filing of #1 approved.");
    const row = await t.db.prisma.customer.findFirstOrThrow({ where: { number: 1, workspace: { externalId: "T1" } } });
    expect(row.filingStatus).toBe("approved");
  });

  it("marks won and lost, switches language, and sets the director channel from where it is typed", async () => {
    expect((await run(alice, "won #1 50000")).text).toBe("#1 is now Won.");
    expect((await run(alice, "order #1 3 万 second batch")).text).toBe("Order of ¥30,000 recorded on #1.");
    await run(alice, "add LostCo");
    expect((await run(alice, "lost #2 price")).text).toBe("#2 is now Lost.");
    expect((await run(alice, "lang zh")).text).toBe("好的，以后用中文回复你。");
    expect((await run(alice, "show #2")).text).toBe("#2 LostCo");
    expect((await run(bob, "setup channel", "C_DIRECTORS")).text).toBe("This channel now gets the weekly summary and the A-grade digest.");
    const ws = await t.db.prisma.workspace.findFirstOrThrow({ where: { platform: "slack", externalId: "T1" } });
    expect(ws.directorChannel).toBe("C_DIRECTORS");
    const won = await t.db.prisma.customer.findFirstOrThrow({ where: { workspaceId: ws.id, number: 1 } });
    const [order] = await t.db.prisma.order.findMany({ where: { customerId: won.id } });
    expect(order?.amount?.toString()).toBe("50000");
  });

  it("answers errors only to the person who typed them", async () => {
    const unknown = await run(alice, "frobnicate");
    expect(unknown.response_type).toBe("ephemeral");
    expect(unknown.text).toBe("没有“frobnicate”这个命令。发送“客户 帮助”查看命令列表。");
    const empty = await slack.command(alice, "");
    expect(empty.response_type).toBe("ephemeral");
  });

  it("keeps a rep out of another rep's customer", async () => {
    await run(boss, `role <@${bob.id}> rep`);
    for (const line of ["show #2", "log #2 call hello", "won #2"]) {
      const answer = await run(bob, line);
      expect(answer.response_type, line).toBe("ephemeral");
      expect(answer.text, line).toBe("#2 is not one of your customers: only its owner or a director can see or change it.");
    }
    const activities = await t.db.prisma.activity.count({ where: { customer: { number: 2, workspace: { externalId: "T1" } }, content: "hello" } });
    expect(activities).toBe(0);
  });

  it("hands over, releases to the pool and claims from it through Slack mentions", async () => {
    expect((await run(boss, `assign #1 <@${bob.id}|bob> covering Foshan`)).text).toBe("#1 now belongs to bob; both reps are told.");
    expect((await run(bob, "release #1 moved away")).text).toBe("#1 Foshan Tuoxin is back in the shared pool.");
    expect((await run(alice, "pool")).text).toBe("公海客户：1 个");
    expect((await run(alice, "claim #1")).text).toBe("已领取 #1 Foshan Tuoxin。");
    expect((await run(boss, "nudge #1 call them today")).text).toBe("alice was reminded about #1 Foshan Tuoxin.");
    expect((await run(boss, `assign all <@${alice.id}> <@${bob.id}>`)).text).toMatch(/^\d+ customers? of alice will go to bob\. Nothing has moved yet/);
    expect((await run(boss, "yes")).text).toMatch(/^\d+ customers? moved from alice to bob; both are told\.$/);
    expect((await run(boss, "nudge #1 call them before Friday")).text).toMatch(/^bob was reminded about #1/);
  });

  it("shows a user of another workspace nothing of this one", async () => {
    expect((await run(stranger, "show #1")).text).toBe("There is no customer #1. /prospect list shows yours.");
    expect((await run(stranger, "list")).text).toBe("No customers match.");
    expect((await run(stranger, "show Foshan")).text).toMatch(/^No customer of yours matches/);
    const theirs = await t.db.prisma.user.findFirstOrThrow({ where: { externalId: stranger.id }, include: { workspace: true } });
    // Alone in their workspace, they administer it, and it is not T1.
    expect(theirs).toMatchObject({ role: "admin", workspace: { externalId: "T2", platform: "slack" } });
  });

  it("covers every core subcommand", () => {
    expect(SUBCOMMAND_NAMES.filter((name) => !covered.has(name))).toEqual([]);
  });
});

describe("when Slack or the database is slow", () => {
  it("goes on with the payload's name when users.info fails, and asks again later", async () => {
    slack.fake.script("users.info", { body: { ok: false, error: "user_not_found" } }, { times: 1 });
    const carol = slackUser("U_CAROL", "carol.w");
    const reply = await slack.command(carol, "list");
    // Without users.info's locale a new person reads the workspace's language (the core's choice).
    expect(reply.text).toMatch(/^(No customers match\.|没有符合条件的客户。)$/);
    const row = await t.db.prisma.user.findFirstOrThrow({ where: { externalId: carol.id } });
    expect(row.displayName).toBe("carol.w");
    expect(slack.logs.some((l) => l.level === "warn" && l.message.includes("users.info"))).toBe(true);
  });
});
