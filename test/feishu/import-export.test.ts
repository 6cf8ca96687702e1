import { describe, expect, it } from "vitest";
import { messageEvent } from "../support/feishu-webhook.ts";
import { messageContent, type MultipartBody } from "../support/fake-feishu-api.ts";
import { csv, xlsx } from "../import/files.ts";
import { useFeishu } from "./support.ts";

const h = useFeishu();
const boss = h.person("ou_imp_boss", { name: "王总" });
const rep = h.person("ou_imp_rep", { name: "小李" });

let seq = 0;
async function sendFile(person: typeof boss, name: string, bytes: Uint8Array, chat: { chatId?: string; chatType?: "p2p" | "group" } = {}) {
  const messageId = `om_file_${++seq}`;
  const fileKey = `file_v3_${seq}`;
  h.fake.hostResource(messageId, fileKey, bytes);
  const before = h.fake.sentMessages().length;
  const event = messageEvent({
    tenantKey: person.tenantKey, openId: person.openId, chatId: chat.chatId ?? person.chatId, chatType: chat.chatType ?? "p2p",
    messageId, messageType: "file", content: JSON.stringify({ file_key: fileKey, file_name: name }), token: h.secrets.verificationToken ?? "",
  });
  h.fake.chats.set(messageId, event.event.message.chat_id);
  expect((await h.post(event)).status).toBe(200);
  await h.adapter.idle();
  return { messageId, sent: h.newSends(before) };
}

describe("Feishu: import a file sent in the direct chat, export as a file", () => {
  it("downloads the file through the message resource API, answers the dry run, and the button imports", async () => {
    await boss.say("帮助");
    const file = await xlsx([["公司名称", "负责人", "手机"], ["飞书导入一号", "张总", 13900139001], ["飞书导入二号", "", 13900139002]], "客户.xlsx");
    const { messageId, sent } = await sendFile(boss, "客户.xlsx", file.bytes);
    const download = h.fake.callsTo("GET", `/open-apis/im/v1/messages/${messageId}/resources/file_v3_${seq}`);
    expect(download).toHaveLength(1);
    expect(download[0]!.query.type).toBe("file");
    expect(sent).toHaveLength(1);
    expect(sent[0]!.chatId).toBe(boss.chatId);
    expect(sent[0]!.text).toContain("客户.xlsx：共 2 行，将新建 2 个，重复 0 个，有错误 0 行。尚未写入任何数据。");
    expect(await h.t.db.prisma.customer.count({ where: { company: { startsWith: "飞书导入" } } })).toBe(0);

    const answer = await boss.click(sent[0]!, "导入 2 个");
    expect(answer.status).toBe(200);
    expect(answer.cardText).toContain("已导入：客户.xlsx");
    expect(answer.cardText).toContain("已导入 2 个客户");
    expect(await h.t.db.prisma.customer.count({ where: { company: { startsWith: "飞书导入" } } })).toBe(2);
  });

  it("tells a long import's progress in the person's chat: the file read, then each quarter written", async () => {
    const rows = Array.from({ length: 2_000 }, (_, i) => [`飞书大批量${i}`, `1${String(3_300_000_000 + i)}`]);
    const { sent } = await sendFile(boss, "big.csv", csv([["公司名称", "手机"], ...rows]).bytes);
    expect(sent.map((s) => [s.call.body.msg_type, s.text])).toEqual([
      ["text", "big.csv：已读取 2,000 行，正在检查……"],
      ["interactive", expect.stringContaining("big.csv：共 2,000 行，将新建 2,000 个，重复 0 个，有错误 0 行。")],
    ]);
    const before = h.fake.sentMessages().length;
    const answer = await boss.click(sent[1]!, "导入 2,000 个");
    // Longer than the callback's 3 seconds, the answer is "working" and the card is replaced after.
    const card = answer.cardText ?? JSON.parse(h.fake.callsTo("PATCH", `/open-apis/im/v1/messages/${sent[1]!.messageId}`).at(-1)!.body.content as string);
    expect(typeof card === "string" ? card : JSON.stringify(card)).toContain("已导入 2,000 个客户");
    const progress = h.newSends(before);
    expect(progress.map((s) => [s.call.query.receive_id_type, s.call.body.receive_id, s.text])).toEqual([500, 1_000, 1_500].map((n) => [
      "open_id", boss.openId, `正在导入：${n.toLocaleString("en-US")} / 2,000 行……（全部完成后一起保存）`,
    ]));
    expect(new Set(progress.map((s) => s.call.body.uuid)).size).toBe(3);
    expect(await h.t.db.prisma.customer.count({ where: { company: { startsWith: "飞书大批量" } } })).toBe(2_000);
  }, 60_000);

  it("answers a re-pushed file message once", async () => {
    const file = csv([["公司名称"], ["飞书重推公司"]], { encoding: "gbk" });
    const first = await sendFile(boss, "again.csv", file.bytes);
    expect(first.sent).toHaveLength(1);
    const before = h.fake.sentMessages().length;
    const event = messageEvent({
      tenantKey: boss.tenantKey, openId: boss.openId, chatId: boss.chatId, chatType: "p2p", messageId: first.messageId,
      messageType: "file", content: JSON.stringify({ file_key: `file_v3_${seq}`, file_name: "again.csv" }), token: h.secrets.verificationToken ?? "",
    });
    await h.post(event);
    await h.adapter.idle();
    expect(h.newSends(before)).toHaveLength(0);
  });

  it("leaves a file dropped in a group alone", async () => {
    const { sent } = await sendFile(boss, "group.csv", csv([["公司名称"], ["群里的文件"]]).bytes, { chatId: "oc_group_sales", chatType: "group" });
    expect(sent).toHaveLength(0);
    expect(h.fake.callsTo("GET", /resources/).filter((c) => c.path.includes("group"))).toHaveLength(0);
  });

  it("sends an export as a file message to the person, in their language's headers", async () => {
    await rep.say("新增 飞书业务员客户 手机=13900139100");
    const before = h.fake.sentMessages().length;
    await rep.say("导出 csv", { group: "oc_group_sales" });
    const upload = h.fake.callsTo("POST", "/open-apis/im/v1/files").at(-1)!;
    const body = upload.body as MultipartBody;
    expect(body.fields.file_name).toMatch(/^customers-mine-\d{8}\.csv$/);
    expect(body.fields.file_type).toBe("stream");
    const bytes = body.files.file!.data;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString("utf8")).toContain("公司名称");
    expect(bytes.toString("utf8")).toContain("飞书业务员客户");
    const fileMessage = h.fake.sentMessages().slice(before).find((c) => c.body.msg_type === "file")!;
    expect(fileMessage.query.receive_id_type).toBe("open_id");
    expect(fileMessage.body.receive_id).toBe(rep.openId);
    expect(messageContent(fileMessage)).toEqual({ file_key: upload.response.data.file_key });
  });
});
