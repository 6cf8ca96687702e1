import { describe, expect, it } from "vitest";
import { useCrm, type Person } from "../support/crm-fixture.ts";

/**
 * `setup` (设置): each setting as the director types it, in either language, what it writes to
 * the workspace, and what it refuses. Two customers per refresh transaction, so a setting that
 * moves due dates leaves some for after the command (refresh-workspace.test.ts checks the dates).
 */
const t = useCrm({ refreshChunk: 2 });

async function workspace(externalId: string) {
  return t.db.prisma.workspace.findFirstOrThrow({ where: { externalId } });
}

/** The workspace's admin (English) and a director who reads Chinese: a user's language is their own. */
async function directors(externalId: string) {
  const admin = t.person("admin", { workspace: externalId });
  const zh = t.person("zhboss", { workspace: externalId, locale: "zh-CN" });
  await admin.run("help");
  await zh.run("help");
  expect((await admin.run("role @zhboss director")).ok).toBe(true);
  return { admin, zh };
}

function inChannel(person: Person, channelId: string, line: string) {
  return t.crm.execute({ ...person.identity, channelId }, line);
}

describe("setup (设置)", () => {
  it("is for directors: a rep is refused in English and Chinese, and nothing changes", async () => {
    const admin = t.person("admin", { workspace: "setup-reps" });
    await admin.run("help");
    const rep = t.person("rep", { workspace: "setup-reps" });
    const zhRep = t.person("zhrep", { workspace: "setup-reps", locale: "zh-CN" });
    const before = await workspace("setup-reps");
    const refused = await rep.run("setup timezone Asia/Tokyo");
    expect([refused.code, refused.text]).toEqual(["forbidden", "Only a director can do this."]);
    expect((await inChannel(zhRep, "C-REP", "设置 群")).text).toBe("只有销售总监可以执行此操作。");
    expect((await rep.run("setup lang en")).code).toBe("forbidden");
    expect((await rep.run("setup calendar none")).code).toBe("forbidden");
    expect(await workspace("setup-reps")).toEqual(before);
  });

  it("channel: names the channel it is typed in, and only there", async () => {
    const { admin, zh } = await directors("setup-channel");
    const outside = await admin.run("setup channel");
    expect([outside.code, outside.text]).toEqual(["no_channel", "Type this in the team channel that should get the weekly summary."]);
    expect((await zh.run("设置 群")).text).toBe("请在要接收周报的团队群里发送这条命令。");
    expect((await workspace("setup-channel")).directorChannel).toBeNull();
    expect((await inChannel(admin, "C-ONE", "setup CHANNEL")).text).toBe("This channel now gets the weekly summary and the A-grade digest.");
    expect((await workspace("setup-channel")).directorChannel).toBe("C-ONE");
    expect((await inChannel(zh, "C-TWO", "设置 频道")).text).toBe("以后销售周报和A级客户跟踪会发到这里。");
    expect((await workspace("setup-channel")).directorChannel).toBe("C-TWO");
    expect((await inChannel(zh, "C-THREE", "设置 群")).ok).toBe(true);
    expect((await workspace("setup-channel")).directorChannel).toBe("C-THREE");
  });

  it("timezone: an IANA Area/City name, under each of its words", async () => {
    const { admin, zh } = await directors("setup-zone");
    expect((await admin.run("setup timezone America/New_York")).text).toBe(
      "The workspace's time zone is now America/New_York: the weekly summary and due dates follow it.",
    );
    expect((await workspace("setup-zone")).timeZone).toBe("America/New_York");
    expect((await admin.run("setup TZ Europe/Berlin")).ok).toBe(true);
    expect((await workspace("setup-zone")).timeZone).toBe("Europe/Berlin");
    expect((await zh.run("设置 时区 Asia/Tokyo")).text).toBe("工作区时区已设为 Asia/Tokyo：周报和到期日都按这个时区计算。");
    expect((await workspace("setup-zone")).timeZone).toBe("Asia/Tokyo");
    // A zone without a region ("UTC" is a valid IANA name) and a missing one are refused alike.
    const utc = await admin.run("setup timezone UTC");
    expect([utc.code, utc.text]).toEqual(["bad_zone", '"UTC" is not a time zone. Use an IANA name such as Asia/Shanghai or America/New_York.']);
    expect((await admin.run("setup timezone")).text).toBe('"" is not a time zone. Use an IANA name such as Asia/Shanghai or America/New_York.');
    expect((await zh.run("设置 时区 Mars/Base")).text).toBe("“Mars/Base”不是有效时区。请用 IANA 名称，例如 Asia/Shanghai 或 America/New_York。");
    expect((await workspace("setup-zone")).timeZone).toBe("Asia/Tokyo");
  });

  it("lang: the team channel's language, by code or by name", async () => {
    const { admin, zh } = await directors("setup-lang");
    expect((await admin.run("setup language en")).text).toBe("The team channel now gets its messages in English.");
    expect((await workspace("setup-lang")).locale).toBe("en");
    expect((await zh.run("设置 语言 中文")).text).toBe("发到团队群的消息将使用中文。");
    expect((await workspace("setup-lang")).locale).toBe("zh-CN");
    expect((await admin.run("setup lang en")).ok).toBe(true);
    const bad = await admin.run("setup lang fr");
    expect([bad.code, bad.text]).toEqual(["bad_locale", '"fr" is not a language I speak. Use zh or en.']);
    expect((await zh.run("设置 语言 法语")).text).toBe("不支持“法语”。请用“中文”或“英文”（也可以写 zh、en）。");
    expect((await workspace("setup-lang")).locale).toBe("en");
  });

  it("calendar: cn or none, whatever the case, under each of its words", async () => {
    const { admin, zh } = await directors("setup-cal");
    expect((await admin.run("setup calendar NONE")).text).toBe("Work calendar off: every day is a working day.");
    expect((await workspace("setup-cal")).calendar).toBe("none");
    expect((await zh.run("设置 日历 cn")).text).toBe("工作日历已设为中国大陆法定节假日（含调休）：到期日遇到周末或节假日顺延到下一个工作日，休息日不发早间待办。");
    expect((await workspace("setup-cal")).calendar).toBe("cn");
    expect((await zh.run("设置 工作日历 none")).text).toBe("已关闭工作日历：每天都算工作日。");
    expect((await workspace("setup-cal")).calendar).toBe("none");
    const bad = await admin.run("setup calendar Moon");
    expect([bad.code, bad.text]).toEqual(["bad_calendar", '"Moon" is not a work calendar. Use cn (mainland public holidays and 调休) or none (every day is a working day).']);
    expect((await zh.run("设置 日历")).text).toBe("没有“”这种工作日历。请用 cn（大陆法定节假日和调休）或 none（每天都算工作日）。");
    expect((await workspace("setup-cal")).calendar).toBe("none");
  });

  it("without a setting it names them all, in English and Chinese", async () => {
    const { admin, zh } = await directors("setup-usage");
    const usage = "Usage: /prospect setup channel (typed in the channel that should get the weekly summary) | setup timezone Asia/Shanghai | setup lang zh|en | setup calendar cn|none";
    expect([(await admin.run("setup")).code, (await admin.run("setup")).text]).toEqual(["usage", usage]);
    expect((await admin.run("setup colour blue")).text).toBe(usage);
    expect((await zh.run("设置")).text).toBe("用法：客户 设置 群（在要接收周报的群里发送）| 客户 设置 时区 Asia/Shanghai | 客户 设置 语言 中文|英文 | 客户 设置 日历 cn|none");
  });

  it("a new zone or calendar recomputes the due dates: the first chunk at once, the count of the rest in the reply", async () => {
    const { admin, zh } = await directors("setup-refresh");
    for (const name of ["R1", "R2", "R3", "R4", "R5"]) expect((await admin.run(`add ${name}`)).ok).toBe(true);
    expect((await admin.run("setup timezone Asia/Tokyo")).text).toBe(
      "The workspace's time zone is now Asia/Tokyo: the weekly summary and due dates follow it.\n" +
        "The due dates of 3 more customers are being recomputed in the background; lists follow within a minute or two.",
    );
    await t.crm.idle();
    const rows = await t.db.prisma.customer.findMany({ where: { workspace: { externalId: "setup-refresh" } }, orderBy: { number: "asc" } });
    // Due dates are whole days of the workspace's zone: midnight in Tokyo now, every one of them.
    expect(rows.map((c) => c.nextDueAt?.toISOString().slice(11))).toEqual(Array(5).fill("15:00:00.000Z"));
    expect((await workspace("setup-refresh")).cadenceRefreshAfter).toBeNull();
    expect((await zh.run("设置 日历 none")).text).toBe("已关闭工作日历：每天都算工作日。\n其余 3 个客户的到期日正在后台按新设置重算，一两分钟内完成。");
    await t.crm.idle();
  });

  it("with every due date in the first chunk, says nothing of a refresh", async () => {
    const admin = t.person("admin", { workspace: "setup-small" });
    expect((await admin.run("add Only")).ok).toBe(true);
    expect((await admin.run("setup calendar none")).text).toBe("Work calendar off: every day is a working day.");
  });
});
