import { describe, expect, it } from "vitest";
import { FAKE_TENANT_TOKEN } from "../support/fake-feishu-api.ts";
import { useFeishu } from "./support.ts";

const h = useFeishu();
const COMPLETE = 'province=广东 contact=李总 title=总经理 mobile=13800138000 address="佛山市顺德区大良街道 1 号"';
const CALL_LOG = "聊了二十分钟：他们在做三个酒店厨房工程，需要商用电磁炉，要 20 台的报价，预算已批，下周三前回复，决策人是李总本人";

describe("commands typed to the bot", () => {
  const boss = h.person("ou_boss", { name: "王总" });
  const rep = h.person("ou_rep", { name: "小李" });
  let n = 0;

  it("answers a direct message with a card (JSON 2.0) in Chinese, through the Open API at the configured domain", async () => {
    const sent = await boss.say('/prospect add "佛山拓鑫电器" mobile=13800138000 等级=B');
    expect(sent).toBeDefined();
    n = Number(/#(\d+)/.exec(sent!.text)![1]);
    expect(sent!.call.path).toBe("/open-apis/im/v1/messages");
    expect(sent!.call.query).toEqual({ receive_id_type: "chat_id" });
    expect(sent!.call.headers.authorization).toBe(`Bearer ${FAKE_TENANT_TOKEN}`);
    expect(sent!.call.body).toMatchObject({ receive_id: boss.chatId, msg_type: "interactive" });
    expect(sent!.call.body.uuid).toMatch(/^.{1,50}$/);
    expect(sent!.card).toMatchObject({ schema: "2.0", config: { update_multi: true }, header: { title: { content: `#${n} 佛山拓鑫电器` }, subtitle: { content: "潜在客户 B级" }, template: "blue" } });
    expect(sent!.text).toContain(`已新增 #${n} 佛山拓鑫电器。`);
    expect(sent!.text).toContain("负责业务员：王总");
    const token = h.fake.callsTo("POST", "/open-apis/auth/v3/tenant_access_token/internal");
    expect(token[0]!.body).toEqual({ app_id: "cli_a1b2c3d4e5f60718", app_secret: "test-secret" });
    const row = await h.t.db.prisma.customer.findFirstOrThrow({ where: { number: n, workspace: { platform: "feishu", externalId: "tenant-a" } } });
    expect(row).toMatchObject({ company: "佛山拓鑫电器", grade: "B", mobile: "13800138000" });
  });

  it("makes the tenant the workspace and the first person its admin, with the directory name", async () => {
    await rep.say("help");
    const users = await h.t.db.prisma.user.findMany({ where: { workspace: { externalId: "tenant-a" } }, orderBy: { createdAt: "asc" } });
    expect(users.map((u) => [u.externalId, u.displayName, u.role, u.locale])).toEqual([
      ["ou_boss", "王总", "admin", "zh-CN"],
      ["ou_rep", "小李", "rep", "zh-CN"],
    ]);
  });

  it("runs every subcommand typed bare, with /prospect, with prospect, or with 客户 and Chinese words", async () => {
    const answers: Record<string, string> = {};
    for (const line of [
      `show #${n}`, `prospect edit #${n} ${COMPLETE}`, `客户 跟进 #${n} call ${CALL_LOG}`, `定级 #${n} A`, `/prospect stage #${n} intention`,
      `snooze #${n} 2d`, "due", "列表", `备案 #${n}`, `approve #${n}`, `won #${n} 5万`, "lang en", "help log",
    ]) {
      const sent = await boss.say(line);
      answers[line] = sent!.text;
    }
    expect(answers[`show #${n}`]).toContain(`#${n} 佛山拓鑫电器`);
    expect(answers[`prospect edit #${n} ${COMPLETE}`]).toContain(`已更新 #${n}。`);
    expect(answers[`客户 跟进 #${n} call ${CALL_LOG}`]).toContain(`已记录 #${n} 的电话跟进。`);
    expect(answers[`定级 #${n} A`]).toContain(`#${n} 现在是潜在客户 A级。`);
    expect(answers[`/prospect stage #${n} intention`]).toContain(`#${n} 现在是意向客户`);
    expect(answers[`snooze #${n} 2d`]).toContain(`#${n} 已推迟到`);
    expect(answers["列表"]).toContain(`#${n} 佛山拓鑫电器`);
    expect(answers[`备案 #${n}`]).toContain(`#${n} 已提交备案，等待销售总监审批。`);
    expect(answers[`approve #${n}`]).toContain(`#${n} 备案已批准。`);
    expect(answers[`won #${n} 5万`]).toContain("订单（1 笔，¥50,000）");
    expect(answers["lang en"]).toBe("I will answer you in English.");
    expect(answers["help log"]).toContain("/prospect log <ref> call|sms|visit|email|wechat|note <what happened>");
    const row = await h.t.db.prisma.customer.findFirstOrThrow({ where: { number: n, workspace: { externalId: "tenant-a" } } });
    expect(row).toMatchObject({ stage: "won", filingStatus: "approved", province: "广东" });
    expect((await boss.say("lang 中文"))!.text).toBe("好的，以后用中文回复你。");
  });

  it("answers in a group only when @-mentioned, with the mention stripped: privately, with a pointer replying to the message", async () => {
    const before = await h.t.db.prisma.customer.count();
    expect(await boss.say("add 不该新增的公司", { group: "oc_team", mention: false })).toBeUndefined();
    expect(await h.t.db.prisma.customer.count()).toBe(before);

    const sends = h.fake.sentMessages().length;
    const sent = await boss.say("客户 新增 群里新增公司 手机=13900139000", { group: "oc_team" });
    expect(sent!.call.query).toEqual({ receive_id_type: "open_id" });
    expect(sent!.call.body.receive_id).toBe(boss.openId);
    expect(sent!.text).toMatch(/已新增 #\d+ 群里新增公司。/);
    const pointer = h.newSends(sends).find((s) => s.chatId === "oc_team")!;
    expect(pointer.call.path).toMatch(/^\/open-apis\/im\/v1\/messages\/om_[^/]+\/reply$/);
    expect(pointer.text).toBe("已私信回复你。");
    expect(await h.t.db.prisma.customer.count({ where: { company: "群里新增公司" } })).toBe(1);
  });

  it("passes other @-mentions to the core as the person's open_id (role @someone)", async () => {
    const sent = await boss.say("role @_user_2 director", { group: "oc_team", mentions: [{ key: "@_user_2", openId: rep.openId, name: "小李" }] });
    expect(sent!.text).toBe("小李 现在是销售总监。");
    const user = await h.t.db.prisma.user.findFirstOrThrow({ where: { externalId: rep.openId } });
    expect(user.role).toBe("director");
  });

  it("sets the group as the directors' channel with `setup channel`", async () => {
    const sent = await boss.say("setup channel", { group: "oc_directors" });
    expect(sent!.text).toBe("以后销售周报和A级客户跟踪会发到这里。");
    const ws = await h.t.db.prisma.workspace.findFirstOrThrow({ where: { platform: "feishu", externalId: "tenant-a" } });
    expect(ws.directorChannel).toBe("oc_directors");
  });

  it("shows errors as a red card in the person's language", async () => {
    const sent = await rep.say("frobnicate");
    expect(sent!.card.header).toMatchObject({ template: "red", title: { content: "没能完成" } });
    expect(sent!.text).toContain("没有“frobnicate”这个命令");
    await rep.say("lang en");
    const english = await rep.say("show #999");
    expect(english!.card.header).toMatchObject({ template: "red", title: { content: "Couldn't do that" } });
    expect(english!.text).toContain("There is no customer #999.");
  });

  it("reads rich-text (post) messages and ignores stickers and images", async () => {
    const post = JSON.stringify({ title: "", content: [[{ tag: "text", text: "show " }, { tag: "text", text: `#${n}` }]] });
    const before = h.fake.sentMessages().length;
    const { messageEvent } = await import("../support/feishu-webhook.ts");
    await h.post(messageEvent({ tenantKey: "tenant-a", openId: boss.openId, chatId: boss.chatId, messageType: "post", content: post, token: h.secrets.verificationToken! }));
    await h.post(messageEvent({ tenantKey: "tenant-a", openId: boss.openId, chatId: boss.chatId, messageType: "image", content: JSON.stringify({ image_key: "img_x" }), token: h.secrets.verificationToken! }));
    await h.adapter.idle();
    const sends = h.newSends(before);
    expect(sends).toHaveLength(1);
    expect(sends[0]!.text).toContain(`#${n} 佛山拓鑫电器`);
  });
});
