import { describe, expect, it } from "vitest";
import { useFeishu } from "./support.ts";

const h = useFeishu();

describe("a report typed to the bot on Feishu", () => {
  const boss = h.person("ou_report_boss", { name: "王总" });

  it("answers with the card, then uploads each chart as an image and sends it in the same chat, each with its own uuid", async () => {
    await boss.say("add 佛山拓鑫电器 来源=展会");
    const before = h.fake.sentMessages().length;
    const uploadsBefore = h.fake.callsTo("POST", "/open-apis/im/v1/images").length;
    const card = await boss.say("报表 本月");
    expect(card!.text).toContain("报表：团队");
    const sends = h.fake.sentMessages().slice(before);
    expect(sends.map((s) => s.body.msg_type)).toEqual(["interactive", "image", "image", "image"]);
    expect(new Set(sends.map((s) => s.body.receive_id))).toEqual(new Set([boss.chatId]));
    expect(new Set(sends.map((s) => s.body.uuid)).size).toBe(4);
    const uploads = h.fake.callsTo("POST", "/open-apis/im/v1/images").slice(uploadsBefore);
    expect(uploads).toHaveLength(3);
    expect(uploads[0]!.body.files.image.data.subarray(1, 4).toString()).toBe("PNG");
    expect(JSON.parse(sends[1]!.body.content).image_key).toMatch(/^img_fake_/);
  });

  it("sends a rep's report privately when asked in a group: the images go to the rep's direct chat too", async () => {
    const rep = h.person("ou_report_rep", { name: "小李" });
    await rep.say("add 顺德厨具");
    const before = h.fake.sentMessages().length;
    await rep.say("report mine", { group: "oc_team" });
    const sends = h.fake.sentMessages().slice(before);
    const images = sends.filter((s) => s.body.msg_type === "image");
    expect(images).toHaveLength(2);
    expect(images.every((s) => s.body.receive_id === "ou_report_rep")).toBe(true);
  });
});
