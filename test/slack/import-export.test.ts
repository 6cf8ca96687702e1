import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { useCrm } from "../support/crm-fixture.ts";
import { csv } from "../import/files.ts";
import { HANDLED_EVENTS } from "../hostile/slack-corpus.ts";
import { asMessage, control, later, slackUser, textOf, useSlack } from "./harness.ts";

const t = useCrm();
const slack = useSlack(t);
const boss = slackUser("U_IMPBOSS", "boss");
const rep = slackUser("U_IMPREP", "rep");
// As the bot does when it starts: auth.test tells it its own user id (UBOT).
beforeAll(() => slack.adapter.start());

let seq = 0;
/** A `message.im` of subtype file_share carrying `file`. */
function fileShare(user: typeof boss, file: object, eventId = `EvF${++seq}`) {
  return HANDLED_EVENTS.fileShareIm(eventId, user.id, file, `1700000002.${String(++seq).padStart(6, "0")}`).body;
}
/** The `file_shared` event of the same upload. */
function fileShared(user: { id: string }, fileId: string, channel?: string, eventId = `EvS${++seq}`) {
  return HANDLED_EVENTS.fileShared(eventId, user.id, fileId, channel).body;
}
const postsFrom = (from: number) => slack.fake.calls.slice(from).filter((c) => c.method === "chat.postMessage");

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

  it("imports a file announced only by file_shared: looked up with files.info, downloaded, answered in the DM", async () => {
    const file = slack.fake.hostFile("shared.csv", csv([["Company"], ["File Shared Import Co"]]).bytes, rep.id);
    const from = slack.fake.calls.length;
    expect((await slack.event(fileShared(rep, file.id))).status).toBe(200);
    await slack.adapter.idle();
    expect(slack.fake.calls.slice(from).filter((c) => c.method === "files.info").map((c) => c.body.file)).toEqual([file.id]);
    expect(slack.fake.calls.slice(from).filter((c) => c.method === "file_download").map((c) => c.token)).toEqual(["xoxb-test-token"]);
    expect(postsFrom(from).map((c) => [c.body.channel, c.body.text])).toEqual([
      [`D${rep.id}`, "shared.csv: 1 rows — 1 to create, 0 duplicates, 0 with mistakes. Nothing is written yet."],
    ]);
  });

  it("makes one dry run of one upload, however Slack announces and retries it", async () => {
    const file = slack.fake.hostFile("twice.csv", csv([["Company"], ["Announced Twice Co"]]).bytes, boss.id);
    const from = slack.fake.calls.length;
    const shared = fileShared(boss, file.id);
    await slack.event(fileShare(boss, file));
    await slack.event(shared);
    await slack.event(shared, { headers: { "x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout" } });
    await slack.adapter.idle();
    expect(slack.fake.calls.slice(from).filter((c) => c.method === "file_download")).toHaveLength(1);
    expect(postsFrom(from)).toHaveLength(1);
    const user = await t.db.prisma.user.findFirstOrThrow({ where: { externalId: boss.id } });
    expect(await t.db.prisma.pendingImport.count({ where: { userId: user.id, fileName: "twice.csv" } })).toBe(1);
  });

  it("leaves alone the bot's own uploads (an export) and files shared in a channel", async () => {
    const file = slack.fake.hostFile("customers-mine-20261123.csv", csv([["Company"], ["Own Export Co"]]).bytes, "UBOT");
    const from = slack.fake.calls.length;
    await slack.event(fileShared({ id: "UBOT" }, file.id, `D${rep.id}`));
    await slack.event(fileShared(rep, file.id, "C_SALES"));
    await slack.adapter.idle();
    expect(slack.fake.calls.slice(from)).toEqual([]);
  });

  it("refuses several files in one message by name, downloading none", async () => {
    const one = slack.fake.hostFile("a.csv", csv([["Company"], ["A Co"]]).bytes, rep.id);
    const two = slack.fake.hostFile("b.csv", csv([["Company"], ["B Co"]]).bytes, rep.id);
    const body = fileShare(rep, one) as { event: { files: object[] } };
    body.event.files.push({ ...body.event.files[0], ...two });
    const from = slack.fake.calls.length;
    await slack.event(body);
    await slack.adapter.idle();
    expect(postsFrom(from).map((c) => c.body.text)).toEqual(["You sent 2 files at once (a.csv, b.csv): send one file per message, each gets its own dry run."]);
    expect(slack.fake.calls.slice(from).filter((c) => c.method === "file_download" || c.method === "files.info")).toEqual([]);
  });

  it("shows a long import's progress: the file read, then each quarter written, before the answer", async () => {
    const rows = Array.from({ length: 2_000 }, (_, i) => [`Slack Big ${i}`, `1${String(3_200_000_000 + i)}`]);
    const file = slack.fake.hostFile("big.csv", csv([["Company", "Mobile"], ...rows]).bytes, boss.id);
    const from = slack.fake.calls.length;
    await slack.event(fileShare(boss, file));
    await slack.adapter.idle();
    const posts = postsFrom(from);
    expect(posts.map((c) => c.body.text)).toEqual([
      "big.csv: 2,000 rows read; checking them against the workspace…",
      "big.csv: 2,000 rows — 2,000 to create, 0 duplicates, 0 with mistakes. Nothing is written yet.",
    ]);
    const message = asMessage(posts[1]!.body, `D${boss.id}`);
    const clicked = await slack.click(boss, message, control(message.blocks, "Import 2,000"));
    await slack.adapter.idle();
    const answers = slack.fake.callsTo("response_url", clicked.responseId).map((c) => c.body);
    expect(answers.map((b) => [b.text, b.replace_original, b.response_type])).toEqual([
      ["Importing: 500 of 2,000 rows… (they are saved together at the end)", false, "ephemeral"],
      ["Importing: 1,000 of 2,000 rows… (they are saved together at the end)", false, "ephemeral"],
      ["Importing: 1,500 of 2,000 rows… (they are saved together at the end)", false, "ephemeral"],
      [expect.stringMatching(/^Imported 2,000 customers/), true, undefined],
    ]);
    expect(await t.db.prisma.customer.count({ where: { company: { startsWith: "Slack Big" } } })).toBe(2_000);
  }, 60_000);

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
    expect(answer.text).toMatch(/^Exported 1 customer: customers-mine-\d{8}\.csv$/);
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
