import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { useCrm } from "../support/crm-fixture.ts";
import { csv } from "../import/files.ts";
import { asMessage, control, later, slackUser, textOf, useSlack } from "./harness.ts";

const t = useCrm();
const slack = useSlack(t);
const boss = slackUser("U_IMPBOSS", "boss");
const rep = slackUser("U_IMPREP", "rep");

let seq = 0;
function fileShare(user: typeof boss, file: object, eventId = `EvF${++seq}`) {
  return {
    token: "legacy", team_id: "T1", api_app_id: "A_APP", type: "event_callback", event_id: eventId, event_time: 1_700_000_000,
    authorizations: [{ team_id: "T1", user_id: "UBOT", is_bot: true, is_enterprise_install: false }],
    event: { type: "message", subtype: "file_share", channel: `D${user.id}`, channel_type: "im", user: user.id, text: "", ts: `1700000002.${seq}`, files: [file], event_ts: "1700000002.000100" },
  };
}

describe("Slack: import a file sent in a direct message, export as a file", () => {
  it("explains how to import when /prospect import comes without a file", async () => {
    const answer = await slack.command(boss, "import");
    expect(answer.text).toMatch(/^Send me the customer file \(\.xlsx or \.csv\) in a direct message/);
  });

  it("downloads the file with the bot token, answers the dry run in the DM, and the button imports", async () => {
    const file = slack.fake.hostFile("客户.csv", csv([["公司名称", "手机"], ["Slack Import One", "13800138100"], ["Slack Import Two", "13800138101"], ["", "bad"]], { encoding: "gbk" }).bytes);
    const from = slack.fake.calls.length;
    expect((await slack.event(fileShare(boss, file))).status).toBe(200);
    const download = await slack.fake.waitFor("file_download", () => true, { from });
    expect(download.token).toBe("xoxb-test-token");
    const post = await slack.fake.waitFor("chat.postMessage", () => true, { from });
    expect(post.body.channel).toBe(`D${boss.id}`);
    expect(post.body.text).toBe("客户.csv: 3 rows — 2 to create, 0 duplicates, 1 with mistakes. Nothing is written yet.");
    expect(await t.db.prisma.customer.count({ where: { company: { startsWith: "Slack Import" } } })).toBe(0);

    const message = asMessage(post.body, `D${boss.id}`);
    const clicked = await slack.click(boss, message, control(message.blocks, "Import 2"));
    const answer = await slack.fake.waitForResponse(clicked.responseId);
    expect(answer.body.text).toMatch(/^Imported 2 customers/);
    // The dry run's card becomes the outcome, without its buttons.
    expect(textOf(answer.body.blocks)).toContain("Imported: 客户.csv");
    expect(answer.body.blocks.filter((b: { type: string }) => b.type === "actions")).toEqual([]);
    expect(await t.db.prisma.customer.count({ where: { company: { startsWith: "Slack Import" } } })).toBe(2);

    // A double click (answered from the first click's receipt), or the button pressed again
    // an hour later: nothing more is written.
    const again = await slack.click(boss, message, control(message.blocks, "Import 2"));
    expect((await slack.fake.waitForResponse(again.responseId)).body.text).toMatch(/^Imported 2 customers/);
    later(t, 3_600_000);
    const late = await slack.click(boss, message, control(message.blocks, "Import 2"));
    expect((await slack.fake.waitForResponse(late.responseId)).body.text).toBe("That import was already carried out.");
    expect(await t.db.prisma.customer.count({ where: { company: { startsWith: "Slack Import" } } })).toBe(2);
  });

  it("answers a retried delivery of the file once", async () => {
    const file = slack.fake.hostFile("again.csv", csv([["Company"], ["Retry Import Co"]]).bytes);
    const body = fileShare(boss, file);
    const from = slack.fake.calls.length;
    await slack.event(body);
    await slack.fake.waitFor("chat.postMessage", () => true, { from });
    await slack.event(body, { headers: { "x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout" } });
    await slack.adapter.idle();
    expect(slack.fake.calls.slice(from).filter((c) => c.method === "chat.postMessage")).toHaveLength(1);
  });

  it("refuses a file over the limit without downloading it", async () => {
    const from = slack.fake.calls.length;
    const file = { ...slack.fake.hostFile("huge.csv", new Uint8Array(10)), size: 50 * 1024 * 1024 };
    await slack.event(fileShare(boss, file));
    const post = await slack.fake.waitFor("chat.postMessage", () => true, { from });
    expect(post.body.text).toBe("The file is larger than 10 MB. Split it into smaller files and import them one after the other.");
    expect(slack.fake.callsTo("file_download").filter((c) => c.id === file.id)).toHaveLength(0);
  });

  it("sends an export to the person's DM, never into the channel it was asked in", async () => {
    await slack.command(rep, "add 'Rep Slack Co' mobile=13800138199");
    const from = slack.fake.calls.length;
    const answer = await slack.command(rep, "export csv", { channel: "C_SALES" });
    expect(answer.text).toMatch(/^Exported 1 customers: customers-mine-\d{8}\.csv$/);
    const opened = await slack.fake.waitFor("conversations.open", (c) => c.body.users === rep.id, { from });
    expect(opened).toBeDefined();
    const url = await slack.fake.waitFor("files.getUploadURLExternal", () => true, { from });
    expect(url.body.filename).toMatch(/\.csv$/);
    const upload = await slack.fake.waitFor("file_upload", () => true, { from });
    const bytes = Object.values(upload.files)[0]!.bytes;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect((parse(bytes, { bom: true }) as string[][])[1]![1]).toBe("Rep Slack Co");
    const complete = await slack.fake.waitFor("files.completeUploadExternal", () => true, { from });
    expect(complete.body.channel_id).toBe(`D${rep.id}`);
  });
});
