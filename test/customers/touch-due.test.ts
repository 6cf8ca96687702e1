import { describe, expect, it } from "vitest";
import { cadenceFrom, readTouches } from "../../src/customers/cadence-store.ts";
import { dueAnsweredByTouch } from "../../src/customers/touch-due.ts";
import type { Customer, Tx } from "../../src/db/types.ts";
import type { ActivityKind } from "../../src/domain/channels.ts";
import type { ChannelTouches } from "../../src/playbook/cadence.ts";
import { playbookForWorkspace } from "../../src/calendar/workspace-playbook.ts";
import { loadPlaybook } from "../../src/playbook/load-playbook.ts";
import { addAs, useCrm } from "../support/crm-fixture.ts";

// What a touch about to be recorded answers (stored on the activity for cadence compliance), and
// that a touch on a customer with nothing due reads nothing: `log` is the command reps type most.
const t = useCrm();
const playbook = await loadPlaybook("default");

/** The transaction, counting every use of it: any statement goes through one of its members. */
function counting(tx: Tx): { tx: Tx; uses: () => number } {
  let uses = 0;
  const proxy = new Proxy(tx, {
    get(target, key, receiver) {
      uses++;
      return Reflect.get(target, key, receiver);
    },
  });
  return { tx: proxy, uses: () => uses };
}

async function inTransaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  return t.db.prisma.$transaction((tx) => work(tx as Tx));
}

/** What a touch of `kind` at `at` answers, and how often the transaction was used to find out. */
function answeredCounting(customer: Customer, kind: ActivityKind, at: Date, touches?: ChannelTouches[]) {
  return inTransaction(async (tx) => {
    const counted = counting(tx);
    return { answered: await dueAnsweredByTouch(counted.tx, playbook, customer, kind, at, touches), uses: counted.uses() };
  });
}

async function customerNumbered(n: number): Promise<Customer> {
  return t.db.prisma.customer.findFirstOrThrow({ where: { number: n, workspace: { externalId: "ws1" } } });
}

describe("what a touch answers", () => {
  const rep = t.person("touch-rep");

  it("answers the channel due at that very moment, reading the touches once when not given", async () => {
    const n = await addAs(rep, "add 东莞华锐五金 contact=陈先生 mobile=13800138201 stage=intention grade=B");
    const customer = await customerNumbered(n);
    expect(customer.nextDueAt).not.toBeNull();
    // The first channel due, at its due moment (the stored next due moment is the start of that local day).
    const first = cadenceFrom(playbook, customer, await inTransaction((tx) => readTouches(tx, customer))).channels[0]!;
    const at = first.dueAt;
    expect(at.getTime()).toBeGreaterThanOrEqual(customer.nextDueAt!.getTime());
    const read = await answeredCounting(customer, first.channel, at);
    expect(read.answered).toEqual({ dueAt: at, overdueAt: first.overdueAt });
    expect(read.answered.overdueAt!.getTime()).toBeGreaterThan(at.getTime());
    expect(read.uses).toBeGreaterThan(0);

    // The same answer from touches read with the customer, and then nothing is read.
    const touches = await inTransaction((tx) => readTouches(tx, customer));
    const withTouches = await answeredCounting(customer, first.channel, at, touches);
    expect(withTouches).toEqual({ answered: read.answered, uses: 0 });
  });

  it("answers nothing, and reads nothing, before the customer's first due moment", async () => {
    const n = await addAs(rep, "add 中山明辉灯饰 contact=李女士 mobile=13800138202 stage=intention grade=B");
    const customer = await customerNumbered(n);
    const before = new Date(customer.nextDueAt!.getTime() - 1);
    const read = await answeredCounting(customer, "call", before);
    expect(read).toEqual({ answered: { dueAt: null, overdueAt: null }, uses: 0 });
  });

  it("answers nothing, and reads nothing, for a note on a due customer: a note is not a touch", async () => {
    const n = await addAs(rep, "add 江门海川塑料 contact=王先生 mobile=13800138203 stage=intention grade=B");
    const customer = await customerNumbered(n);
    const late = new Date(customer.nextDueAt!.getTime() + 86_400_000);
    const read = await answeredCounting(customer, "note", late);
    expect(read).toEqual({ answered: { dueAt: null, overdueAt: null }, uses: 0 });
  });

  it("answers nothing, and reads nothing, for a customer with nothing due at all (lost)", async () => {
    const n = await addAs(rep, "add 珠海德信包装 contact=赵女士 mobile=13800138204 stage=intention grade=B");
    const lost = await rep.run(`lost #${n} price`);
    expect(lost.ok, lost.text).toBe(true);
    const customer = await customerNumbered(n);
    expect(customer.nextDueAt).toBeNull();
    const read = await answeredCounting(customer, "call", t.clock.now);
    expect(read).toEqual({ answered: { dueAt: null, overdueAt: null }, uses: 0 });
  });

  it("answers a due that falls on the customer's next due moment itself, logged at that instant", async () => {
    // Potential A: a call and an SMS every 7 days, counted from each channel's last touch: both
    // touched on Wed 25 Nov, both due from the start of Wed 2 Dec (Shanghai), the stored next due moment.
    const n = await addAs(rep, "add 佛山准时五金 contact=冯先生 mobile=13800138205 grade=A");
    t.clock.set("2026-11-25T02:00:00Z");
    expect((await rep.run(`log #${n} call 问了交期和价格`)).ok).toBe(true);
    expect((await rep.run(`log #${n} sms 发了报价单`)).ok).toBe(true);
    const customer = await customerNumbered(n);
    expect(customer.nextDueAt).toEqual(new Date("2026-12-02T00:00:00+08:00"));
    // The workspace's own playbook: its work calendar makes a due day start at midnight, as stored.
    const workspace = await t.db.prisma.workspace.findUniqueOrThrow({ where: { id: customer.workspaceId } });
    const own = playbookForWorkspace(playbook, workspace);
    const answered = await inTransaction((tx) => dueAnsweredByTouch(tx, own, customer, "call", customer.nextDueAt!));
    expect(answered.dueAt).toEqual(new Date("2026-12-02T00:00:00+08:00"));
  });

  it("answers nothing for a channel that is not due although another is", async () => {
    // Potential A, added Mon 23 Nov: the call and the SMS are due Mon 30 Nov; an email counts for neither.
    const n = await addAs(rep, "add 顺德来访电器 contact=邓女士 mobile=13800138206 grade=A");
    const customer = await customerNumbered(n);
    const late = new Date("2026-12-01T02:00:00Z");
    const answered = await inTransaction((tx) => dueAnsweredByTouch(tx, playbook, customer, "email", late));
    expect(answered).toEqual({ dueAt: null, overdueAt: null });
  });
});
