import { afterEach, describe, expect, it } from "vitest";
import { queryRows } from "../../src/db/direct-sql.ts";
import { PrismaNamespace } from "../../src/db/types.ts";
import { useCrm } from "../support/crm-fixture.ts";

const t = useCrm();
const zone = process.env.TZ;
// The driver reads a timestamp in the process's zone unless told otherwise: run in one far from UTC.
const inLosAngeles = () => void (process.env.TZ = "America/Los_Angeles");
afterEach(() => {
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
});

async function customerWithEveryColumn(workspace: string) {
  const rep = t.person(`${workspace}-rep`, { workspace });
  expect((await rep.run("add Direct Co grade=A mobile=13800138000 email=buyer@direct.cn")).ok).toBe(true);
  const { id } = await t.db.prisma.customer.findFirstOrThrow({ where: { workspace: { externalId: workspace } } });
  return t.db.prisma.customer.update({
    where: { id },
    data: {
      manMoney: true,
      snoozedUntil: new Date("2026-11-25T03:04:05.678Z"),
      heldDue: [{ channel: "call", dueAt: "2026-11-20T01:00:00.000Z", overdueAt: "2026-11-21T01:00:00.000Z" }],
      pooledAt: null,
    },
  });
}

describe("reading rows beneath the ORM (queryRows)", () => {
  it("gives a customer row as Prisma reads it, every column with its type, on the client and inside a transaction", async () => {
    const stored = await customerWithEveryColumn("direct-1");
    inLosAngeles();
    const expected = await t.db.prisma.customer.findUniqueOrThrow({ where: { id: stored.id } });
    expect(expected.snoozedUntil).toEqual(new Date("2026-11-25T03:04:05.678Z"));
    const sql = PrismaNamespace.sql`SELECT * FROM "Customer" WHERE "id" = ${stored.id}`;
    expect(await queryRows(t.db.prisma, sql)).toEqual([expected]);
    expect(await t.db.prisma.$transaction((tx) => queryRows(tx, sql))).toEqual([expected]);
  });

  it("counts as BigInt, and takes a Date parameter as its instant", async () => {
    const stored = await customerWithEveryColumn("direct-2");
    inLosAngeles();
    const sql = PrismaNamespace.sql`
      SELECT count(*) AS "n" FROM "Customer" WHERE "id" = ${stored.id} AND "snoozedUntil" = ${new Date("2026-11-25T03:04:05.678Z")}::timestamp(3)`;
    expect(await queryRows(t.db.prisma, sql)).toEqual([{ n: 1n }]);
    expect(await t.db.prisma.$transaction((tx) => queryRows(tx, sql))).toEqual([{ n: 1n }]);
  });
});
