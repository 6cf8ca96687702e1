import { describe, expect, it } from "vitest";
import { useFeishu } from "./support.ts";

const h = useFeishu();
const admin = h.person("ou_perm_admin", { name: "管理员" });
const alice = h.person("ou_alice", { name: "Alice" });
const bob = h.person("ou_bob", { name: "Bob" });
const stranger = h.person("ou_stranger", { tenant: "tenant-b", name: "外人" });

describe("who sees and changes what", () => {
  let n = 0;

  it("keeps a rep out of another rep's customer, typed or clicked, and writes nothing", async () => {
    await admin.say("help");
    const sent = (await alice.say('add "Alice 的大客户" mobile=13600136000 备注=保密', { group: "oc_sales" }))!;
    n = Number(/#(\d+)/.exec(sent.text)![1]);
    const notYours = `#${n} 不是你的客户：只有负责业务员或销售总监可以查看和修改。`;

    for (const line of [`show #${n}`, `log #${n} call 你好`, `grade #${n} A`, `won #${n}`]) {
      const answer = (await bob.say(line, { group: "oc_sales" }))!;
      expect(answer.card.header.template, line).toBe("red");
      expect(answer.text, line).toContain(notYours);
    }
    expect((await bob.say("list"))!.text).toBe("没有符合条件的客户。");

    // Bob presses the buttons of Alice's card (sent to her privately; clicks as if from a card they share).
    for (const [label, input] of [["标记成交", {}], ["推迟 1 天", {}], ["记录电话", { text: "偷偷记一笔" }], ["调整等级", { option: "A级" }]] as const) {
      const click = await bob.click(sent, label, input);
      expect(click.json, label).toEqual({ toast: { type: "error", content: notYours } });
    }
    const row = await h.t.db.prisma.customer.findFirstOrThrow({ where: { company: "Alice 的大客户" } });
    expect(row).toMatchObject({ stage: "potential", grade: "D", snoozedUntil: null });
    expect(await h.t.db.prisma.activity.count({ where: { customerId: row.id } })).toBe(0);
  });

  it("lets a director see and change the team's customers", async () => {
    await admin.say("role @_user_2 director", { group: "oc_sales", mentions: [{ key: "@_user_2", openId: bob.openId, name: "Bob" }] });
    const shown = (await bob.say(`show #${n}`))!;
    expect(shown.card.header.title.content).toBe(`#${n} Alice 的大客户`);
    const graded = await bob.click(shown, "调整等级", { option: "B级" });
    expect(graded.json.toast.type).toBe("success");
  });

  it("shows nothing of one tenant to another", async () => {
    const shown = (await stranger.say(`show #${n}`))!;
    expect(shown.text).toContain(`没有 #${n} 这个客户。`);
    expect((await stranger.say("list"))!.text).toBe("没有符合条件的客户。");
    expect((await stranger.say("show Alice"))!.text).toContain("你的客户中没有与“Alice”匹配的");
    // Their own first customer is their #1, and the duplicate check does not look across tenants.
    const own = (await stranger.say('add "Alice 的大客户" mobile=13600136000'))!;
    expect(own.text).toContain("已新增 #1 Alice 的大客户。");
    const ws = await h.t.db.prisma.workspace.findFirstOrThrow({ where: { platform: "feishu", externalId: "tenant-b" } });
    const user = await h.t.db.prisma.user.findFirstOrThrow({ where: { workspaceId: ws.id, externalId: stranger.openId } });
    expect(user.role).toBe("admin");
  });

  it("a click arriving from another tenant is refused and changes nothing in either tenant", async () => {
    const sent = (await alice.say(`show #${n}`))!;
    // The button names tenant-a's #n: in tenant-b it must not fall through to the stranger's own #1.
    const clicked = await stranger.click(sent, "标记成交");
    expect(clicked.json.toast.content).toBe("这张卡片属于另一个工作区：你只能操作本工作区的客户。");
    const [inA, inB] = await Promise.all(["tenant-a", "tenant-b"].map((tenant) =>
      h.t.db.prisma.customer.findFirstOrThrow({ where: { company: "Alice 的大客户", workspace: { externalId: tenant } } })));
    expect(inA!.stage).toBe("potential");
    expect(inB!.stage).toBe("potential");
  });
});
