import { describe, expect, it } from "vitest";
import { addAs, useCrm } from "../support/crm-fixture.ts";

/**
 * The words of `won`, `order` and `lost` (成交, 订单, 战败): the amount and the note as written,
 * which loss a won customer's is, and the refusals in English and Chinese. The figures these
 * feed are in deals.test.ts.
 */
const t = useCrm();

async function row(workspace: string, number: number) {
  const customer = await t.db.prisma.customer.findFirstOrThrow({ where: { number, workspace: { externalId: workspace } } });
  const orders = await t.db.prisma.order.findMany({ where: { customerId: customer.id }, orderBy: { createdAt: "asc" } });
  const changes = await t.db.prisma.stageChange.findMany({ where: { customerId: customer.id, toStage: "lost" } });
  return {
    customer,
    orders: orders.map((o) => ({ kind: o.kind, amount: o.amount === null ? null : Number(o.amount), note: o.note, cancelled: o.cancelledAt !== null })),
    lostReasons: changes.map((c) => c.lostReason),
  };
}

describe("won (成交)", () => {
  it("records the amount when given and none when not, the whole rest of the line being the amount", async () => {
    const rep = t.person("winner", { workspace: "won-words" });
    const priced = await addAs(rep, "add Priced");
    const unpriced = await addAs(rep, "add Unpriced");
    expect((await rep.run(`won #${priced}   1.5 万  `)).text).toBe(`#${priced} is now Won.`);
    expect((await row("won-words", priced)).orders).toEqual([{ kind: "win", amount: 15_000, note: null, cancelled: false }]);
    expect((await rep.run(`won #${unpriced}`)).ok).toBe(true);
    expect((await row("won-words", unpriced)).orders).toEqual([{ kind: "win", amount: null, note: null, cancelled: false }]);
  });

  it("refuses an amount it cannot read and stays where it was", async () => {
    const rep = t.person("winner", { workspace: "won-bad" });
    const n = await addAs(rep, "add Unread");
    const refused = await rep.run(`won #${n} a lot`);
    expect([refused.code, refused.text]).toEqual(["bad_amount", expect.stringContaining('"a lot"')]);
    expect((await row("won-bad", n)).customer.stage).toBe("potential");
  });
});

describe("a quoted blank (\"  \") is no amount", () => {
  it("wins with the amount unknown, and asks how much an order was", async () => {
    const rep = t.person("blank", { workspace: "won-blank" });
    const n = await addAs(rep, "add Blank");
    expect((await rep.run(`won #${n} "   "`)).ok).toBe(true);
    expect((await row("won-blank", n)).orders).toEqual([{ kind: "win", amount: null, note: null, cancelled: false }]);
    expect((await rep.run(`order #${n} "   "`)).code).toBe("missing_amount");
    expect((await rep.run(`order #${n} " 2万 "`)).text).toBe(`Order of ¥20,000 recorded on #${n}.`);
  });
});

describe("order (订单)", () => {
  it("keeps the words after the amount as the order's note, and none when there are none", async () => {
    const rep = t.person("seller", { workspace: "order-words" });
    const n = await addAs(rep, "add Repeat");
    await rep.run(`won #${n} 1万`);
    expect((await rep.run(`order #${n} 2万`)).text).toBe(`Order of ¥20,000 recorded on #${n}.`);
    expect((await rep.run(`order #${n} 3万 第三批 加急`)).ok).toBe(true);
    expect((await row("order-words", n)).orders).toEqual([
      { kind: "win", amount: 10_000, note: null, cancelled: false },
      { kind: "repeat", amount: 20_000, note: null, cancelled: false },
      { kind: "repeat", amount: 30_000, note: "第三批 加急", cancelled: false },
    ]);
  });

  it("asks for the amount, and refuses one it cannot read, in English and Chinese", async () => {
    const rep = t.person("seller", { workspace: "order-bad" });
    const zh = t.person("zhseller", { workspace: "order-bad", locale: "zh-CN" });
    await rep.run("help");
    const n = await addAs(zh, "新增 甲公司");
    await zh.run(`成交 #${n} 1万`);
    const boss = rep;
    const missing = await boss.run(`order #${n}`);
    expect([missing.code, missing.text]).toEqual(["missing_amount", `How much was the order? e.g. /prospect order #${n} 3万 second batch`]);
    expect((await boss.run(`order #${n}    `)).code).toBe("missing_amount");
    expect((await zh.run(`订单 #${n}`)).text).toBe(`订单金额是多少？例：客户 订单 #${n} 3万 第二批`);
    const bad = await zh.run(`订单 #${n} 很多钱`);
    expect(bad.code).toBe("bad_amount");
    expect(bad.text).toContain("很多钱");
    expect((await row("order-bad", n)).orders).toHaveLength(1);
  });
});

describe("lost (战败) of a won customer", () => {
  it("reads cancelled and churned in any case and in Chinese, and keeps the rest as the reason", async () => {
    const rep = t.person("loser", { workspace: "lost-words" });
    const [a, b, c] = [await addAs(rep, "add A"), await addAs(rep, "add B"), await addAs(rep, "add C")];
    for (const n of [a, b, c]) await rep.run(`won #${n} 1万`);
    expect((await rep.run(`lost #${a} CANCELLED 太贵`)).ok).toBe(true);
    expect((await rep.run(`lost #${b} 退单 竞品便宜`)).ok).toBe(true);
    expect((await rep.run(`lost #${c} Churned price`)).ok).toBe(true);
    const [ra, rb, rc] = [await row("lost-words", a), await row("lost-words", b), await row("lost-words", c)];
    expect([ra.lostReasons, ra.orders[0]!.cancelled]).toEqual([["price"], true]);
    expect([rb.lostReasons, rb.orders[0]!.cancelled]).toEqual([["competitor"], true]);
    expect([rc.lostReasons, rc.orders[0]!.cancelled]).toEqual([["price"], false]);
  });

  it.each([
    ["cancelled", true], ["canceled", true], ["cancel", true], ["退单", true], ["撤单", true], ["订单取消", true],
    ["churned", false], ["churn", false], ["流失", false], ["客户流失", false],
  ])("reads %s as a loss that voids the orders: %s", async (word, cancelled) => {
    const rep = t.person("loser", { workspace: "lost-each" });
    const n = await addAs(rep, `add "Each ${word}"`);
    await rep.run(`won #${n} 1万`);
    expect((await rep.run(`lost #${n} ${word} 太贵`)).ok).toBe(true);
    const { lostReasons, orders } = await row("lost-each", n);
    expect([lostReasons, orders[0]!.cancelled]).toEqual([["price"], cancelled]);
  });

  it("reads those words as the reason itself when the customer is not won", async () => {
    const rep = t.person("loser", { workspace: "lost-open" });
    const n = await addAs(rep, "add Open");
    expect((await rep.run(`lost #${n} cancelled`)).ok).toBe(true);
    // "cancelled" is an alias of the playbook's project-cancelled reason.
    expect((await row("lost-open", n)).lostReasons).toEqual(["project-cancelled"]);
  });
});
