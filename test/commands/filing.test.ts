import { describe, expect, it } from "vitest";
import { useCrm } from "../support/crm-fixture.ts";

const t = useCrm();
const COMPLETE = 'province=广东 contact=李总 title=总经理 mobile=13800138000 address="佛山市顺德区大良街道 1 号"';

describe("filing (备案)", () => {
  const admin = t.person("admin-filing");
  const rep = t.person("rep-filing");

  it("refuses an incomplete prospect with the list of what is missing, including a thin call log", async () => {
    await admin.run("help"); // the first person becomes admin
    const added = await rep.run("add ThinCo contact=Wang");
    const n = Number(/#(\d+)/.exec(added.text)![1]);
    await rep.run(`log #${n} call hi`);
    const reply = await rep.run(`file #${n}`);
    expect(reply.ok).toBe(false);
    expect(reply.text).toBe(
      `#${n} cannot be filed yet. Missing: Province, Position, Mobile, Address. ` +
        `The call log has 2 characters of substance (punctuation and spaces do not count); it needs at least 24: log what was discussed with /prospect log #${n} call …`,
    );
    const row = await t.db.prisma.customer.findFirstOrThrow({ where: { number: n } });
    expect(row.filingStatus).toBe("none");
  });

  it("counts the call and visit logs towards the call log, not an SMS or a note", async () => {
    await admin.run("help");
    const added = await rep.run("add ThinCo2 contact=Wang");
    const n = Number(/#(\d+)/.exec(added.text)![1]);
    await rep.run(`log #${n} call hi`); // 2
    await rep.run(`log #${n} visit 看了样品`); // 4
    await rep.run(`log #${n} sms 发了产品目录和二十台商用电磁炉的报价单，请他下周三前回复`);
    await rep.run(`log #${n} note 决策人是李总本人，预算已批，三个酒店厨房工程`);
    const reply = await rep.run(`file #${n}`);
    expect(reply.ok).toBe(false);
    expect(reply.text).toMatch(/The call log has 6 characters of substance/);
  });

  it("files a complete prospect; a director approves or rejects with a reason; the rep can file again", async () => {
    const added = await rep.run(`add FullCo ${COMPLETE}`);
    const n = Number(/#(\d+)/.exec(added.text)![1]);
    expect((await rep.run(`file #${n}`)).text).toMatch(/call log has 0 characters/);
    await rep.run(`log #${n} call 聊了二十分钟：他们在做三个酒店厨房工程，需要商用电磁炉，要 20 台的报价，预算已批，下周三前回复，决策人是李总本人`);
    const filed = await rep.run(`file #${n}`);
    expect(filed.text).toBe(`#${n} submitted for filing; a director will approve it.`);
    expect((await rep.run(`file #${n}`)).text).toBe(`#${n} is already waiting for approval.`);

    // Reps cannot approve, not even their own.
    expect((await rep.run(`approve #${n}`)).text).toBe("Only a director can do this.");
    const card = (await admin.run(`show #${n}`)).cards[0]!;
    expect(card.actions.map((a) => a.label)).toEqual(expect.arrayContaining(["Approve filing", "Reject filing"]));

    expect((await admin.run(`reject #${n}`)).text).toMatch(/^Say what the rep must fix/);
    expect((await admin.run(`reject #${n} 手机号是前台电话`)).text).toBe(`Filing of #${n} rejected: 手机号是前台电话`);
    const rejected = await t.db.prisma.customer.findFirstOrThrow({ where: { number: n } });
    expect(rejected).toMatchObject({ filingStatus: "rejected", filingNote: "手机号是前台电话" });
    expect((await admin.run(`approve #${n}`)).text).toBe(`#${n} has no filing waiting for approval.`);

    await rep.run(`file #${n}`);
    expect((await admin.run(`approve #${n}`)).text).toBe(`Filing of #${n} approved.`);
    expect((await rep.run(`file #${n}`)).text).toBe(`#${n} is already filed.`);
  });
});
