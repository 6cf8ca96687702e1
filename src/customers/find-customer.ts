import type { CommandContext } from "../commands/context.ts";
import { queryRows } from "../db/direct-sql.ts";
import { PrismaNamespace, type Customer } from "../db/types.ts";
import { DomainError, fail } from "../errors.ts";
import { companyKey } from "../domain/customer-fields.ts";
import { parseNumberRef } from "./customer-ref.ts";
import { isVisibleTo, visibleCustomers } from "./visibility.ts";
import { looselyMatches } from "./name-match.ts";
import { touchesFromJson, touchesJsonSql } from "./cadence-store.ts";
import { withColumnsApart } from "../db/direct-sql.ts";
import type { ChannelTouches } from "../playbook/cadence.ts";

const MAX_CANDIDATES = 8;
/** How many of the caller's customers a loose match looks through (a director's whole team). */
const LOOSE_POOL = 20_000;

/**
 * Resolves what a rep typed to point at a customer: `#12` (or `12`), or a fragment of the
 * company or contact name. Someone else's customer is refused without showing its details.
 * A fragment no name contains is then matched loosely (`name-match.ts`: 深圳金厨, szjc) — over
 * the customers the caller may see and nothing else, so no match ever leaks another rep's.
 */
export async function findCustomer(ctx: CommandContext, ref: string | undefined): Promise<Customer> {
  return (await findCustomerWithTouches(ctx, ref, false)).customer;
}

/**
 * The same, with the customer's per-channel touches read in the same statement when it is named
 * by number (a logged call needs them before it writes: one round trip fewer); by name they are
 * not read here.
 */
export async function findCustomerWithTouches(ctx: CommandContext, ref: string | undefined, withTouches = true): Promise<{ customer: Customer; touches?: ChannelTouches[] }> {
  if (!ref || !ref.trim()) fail("missing_ref", (m) => m.errors.missingRef());
  const { tx, caller } = ctx;
  const numbered = parseNumberRef(ref);
  if (numbered) {
    const { number } = numbered;
    if (numbered.workspace !== undefined && numbered.workspace !== caller.workspace.externalId) {
      fail("other_workspace", (m) => m.errors.otherWorkspace());
    }
    const sql = PrismaNamespace.sql;
    // Raw rather than the ORM's findUnique (same row, a third of the CPU): nearly every command starts here.
    const touches = withTouches ? sql`, ${touchesJsonSql(sql`c."id"`, sql`c."stageEnteredAt"`)} AS "touchesRead"` : sql``;
    const [row] = await queryRows<Record<string, unknown>>(tx, sql`SELECT c.*${touches} FROM "Customer" c WHERE c."workspaceId" = ${caller.workspace.id} AND c."number" = ${number}`);
    if (!row) fail("not_found", (m) => m.errors.noSuchNumber(number));
    const [customer, read] = withColumnsApart<Customer>(row, withTouches ? ["touchesRead"] : []);
    if (!isVisibleTo(caller, customer)) fail("forbidden", (m) => m.errors.notYours(number));
    return withTouches ? { customer, touches: touchesFromJson(read.touchesRead) } : { customer };
  }
  return { customer: await findByName(ctx, ref.trim()) };
}

async function findByName(ctx: CommandContext, fragment: string): Promise<Customer> {
  const { tx, caller } = ctx;
  const candidates = await tx.customer.findMany({
    where: {
      ...visibleCustomers(caller),
      OR: [
        { company: { contains: fragment, mode: "insensitive" } },
        { contact: { contains: fragment, mode: "insensitive" } },
      ],
    },
    orderBy: { number: "asc" },
    take: 50,
  });
  if (candidates.length === 0) return findLoosely(ctx, fragment);
  return pickOne(candidates, fragment);
}

async function findLoosely(ctx: CommandContext, fragment: string): Promise<Customer> {
  const pool = await ctx.tx.customer.findMany({
    where: visibleCustomers(ctx.caller),
    select: { id: true, company: true, contact: true },
    orderBy: { number: "asc" },
    take: LOOSE_POOL,
  });
  const ids = pool.filter((c) => looselyMatches(fragment, c)).map((c) => c.id);
  if (ids.length === 0) fail("not_found", (m) => m.errors.noMatch(fragment));
  const candidates = await ctx.tx.customer.findMany({ where: { id: { in: ids.slice(0, 50) } }, orderBy: { number: "asc" } });
  return pickOne(candidates, fragment);
}

function pickOne(candidates: Customer[], fragment: string): Customer {
  if (candidates.length === 1) return candidates[0]!;
  const exact = candidates.filter((c) => c.companyKey === companyKey(fragment));
  if (exact.length === 1) return exact[0]!;
  const listed = candidates.slice(0, MAX_CANDIDATES);
  const more = candidates.length - listed.length;
  throw new DomainError("ambiguous", (m) =>
    m.errors.ambiguous(fragment, listed.map((c) => m.errors.candidate(c.number, c.company, c.contact)), more),
  );
}
