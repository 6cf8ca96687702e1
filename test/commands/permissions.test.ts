import { SUBCOMMAND_NAMES } from "../../src/commands/subcommands.ts";
import { describe, expect, it } from "vitest";
import { useCrm } from "../support/crm-fixture.ts";

const t = useCrm();

describe("who sees and changes what", () => {
  const admin = t.person("perm-admin");
  const alice = t.person("alice");
  const bob = t.person("bob");
  const stranger = t.person("stranger", { workspace: "another-team" });
  let aliceCustomer = 0;

  it("makes the first person of a workspace its admin and later ones reps", async () => {
    await admin.run("help");
    const added = await alice.run('add "Alice Secret Account" mobile=13600136000 note="big deal"');
    aliceCustomer = Number(/#(\d+)/.exec(added.text)![1]);
    await bob.run("help");
    const users = await t.db.prisma.user.findMany({ orderBy: { createdAt: "asc" }, select: { externalId: true, role: true } });
    expect(users.filter((u) => ["perm-admin", "alice", "bob"].includes(u.externalId))).toEqual([
      { externalId: "perm-admin", role: "admin" },
      { externalId: "alice", role: "rep" },
      { externalId: "bob", role: "rep" },
    ]);
  });

  it("keeps a rep out of another rep's customer, for every command that takes one", async () => {
    const ref = `#${aliceCustomer}`;
    for (const line of [`show ${ref}`, `edit ${ref} title=x`, `log ${ref} call hello`, `grade ${ref} A`, `stage ${ref} intention`,
      `won ${ref}`, `lost ${ref} price`, `snooze ${ref} 1d`, `file ${ref}`]) {
      const reply = await bob.run(line);
      expect(reply.ok, line).toBe(false);
      expect(reply.text, line).toBe(`${ref} is not one of your customers: only its owner or a director can see or change it.`);
    }
    expect((await bob.run("show Secret")).text).toMatch(/^No customer of yours matches/);
    expect((await bob.run("list")).text).toBe("No customers match.");
    expect((await bob.run("list team")).text).toBe("Only directors see the whole team's customers.");
    const row = await t.db.prisma.customer.findFirstOrThrow({ where: { company: "Alice Secret Account" } });
    expect(row).toMatchObject({ title: null, grade: "D", stage: "potential", snoozedUntil: null });
  });

  it("lets a director see and change the team's customers, and an admin name directors", async () => {
    expect((await alice.run("role @bob director")).text).toBe("Only an admin can do this.");
    expect((await admin.run("role @nobody director")).text).toBe("I don't know @nobody yet: they must send the bot a command first.");
    expect((await admin.run("role @bob boss")).text).toBe('"boss" is not a role. Roles: rep, director, admin.');
    // Words that are keys of every JavaScript object are still not roles.
    expect((await admin.run("role @bob constructor")).text).toBe('"constructor" is not a role. Roles: rep, director, admin.');
    expect((await admin.run("role @bob __proto__")).text).toBe('"__proto__" is not a role. Roles: rep, director, admin.');
    expect((await admin.run("role @bob director")).text).toBe("bob is now director.");
    expect((await bob.run(`show #${aliceCustomer}`)).cards[0]!.title).toBe(`#${aliceCustomer} Alice Secret Account`);
    expect((await bob.run(`grade #${aliceCustomer} B`)).ok).toBe(true);
    expect((await bob.run("list")).cards[0]!.title).toBe("Team customers (1)");
    expect((await bob.run("list mine")).text).toBe("No customers match.");
    expect((await admin.run("role perm-admin rep")).text).toBe("This is the workspace's last admin; make someone else admin first.");
  });

  it("shows nothing of one workspace to another", async () => {
    expect((await stranger.run(`show #${aliceCustomer}`)).text).toBe(`There is no customer #${aliceCustomer}. /prospect list shows yours.`);
    expect((await stranger.run("list")).text).toBe("No customers match.");
    expect((await stranger.run("show Alice")).text).toMatch(/^No customer of yours matches/);
    // The duplicate check is per workspace too.
    expect((await stranger.run("add 'Alice Secret Account' mobile=13600136000")).ok).toBe(true);
  });
});

describe("language and help", () => {
  it("answers each person in their own language and lets them switch", async () => {
    const zh = t.person("zh-user", { locale: "zh-CN", workspace: "lang" });
    expect((await zh.run("show #77")).text).toBe("没有 #77 这个客户。发送“客户 列表”查看你的客户。");
    expect((await zh.run("lang en")).text).toBe("I will answer you in English.");
    expect((await zh.run("show #77")).text).toBe("There is no customer #77. /prospect list shows yours.");
    expect((await zh.run("语言 中文")).text).toBe("好的，以后用中文回复你。");
    expect((await zh.run("lang klingon")).text).toBe("不支持“klingon”。请用“中文”或“英文”（也可以写 zh、en）。");
  });

  it("lists every command and explains one", async () => {
    const user = t.person("helped", { workspace: "lang" });
    const all = await user.run("help");
    expect(all.ephemeral).toBe(true);
    expect(all.cards[0]!.sections[0]!.items).toHaveLength(SUBCOMMAND_NAMES.length);
    const log = await user.run("help 跟进");
    // One title per reply: the card's.
    expect(log.text).toBe("");
    expect(log.cards[0]!.title).toBe("/prospect log <ref> call|sms|visit|email|wechat|note <what happened>");
    expect((await user.run("frobnicate")).text).toBe('I don\'t know the command "frobnicate". Type /prospect help for the list.');
  });
});
