import { randomUUID } from "node:crypto";
import type { Tx } from "../db/types.ts";
import { TOUCH_CHANNELS } from "../domain/channels.ts";
import { checkField, companyKey, isCustomerField, type CustomerField } from "../domain/customer-fields.ts";
import { DomainError } from "../errors.ts";
import type { Messages } from "../i18n/messages.ts";
import { computeCadence } from "../playbook/cadence.ts";
import { importRowPrerequisites } from "../customers/stage-prerequisites.ts";
import { resolveClassification, stageKind, type Classification } from "./classification.ts";
import type { OperationContext } from "./context.ts";
import { win } from "./win.ts";
import { chunked } from "../chunked.ts";

export interface NewCustomerRow {
  fields: Partial<Record<Exclude<CustomerField, "company">, string>> & { company: string };
  stage?: string;
  grade?: string;
  man?: { money: boolean; authority: boolean; need: boolean };
  /** Recorded as a call, as with `add`. */
  callLog?: string;
  /** Unset: the caller owns it. */
  ownerId?: string;
  /** How the person knows this row ("line 12"), for a refusal that names it. */
  ref?: string;
}

export interface ExistingDuplicate {
  number: number;
  owner: string;
  byMobile: boolean;
}

const CHUNK = 1_000;

export interface AddCustomersOptions {
  /** Tell `report` once the first `at[i]` rows are written (an import's progress). */
  progress?: { at: readonly number[]; report: (written: number) => void };
}

/**
 * Many `addCustomer`s at once, in the caller's transaction: the same checks (fields, stage and
 * grade, no customer added as lost nor into a stage it does not meet the prerequisites of, owner, the workspace-wide duplicate rule on company key and
 * mobile), the same stage history, call-log activity, last touch and cadence, and a customer
 * added as won wins through `win` (its first order, amount unknown) — but written with
 * multi-row inserts. Any refusal throws naming the row, and the caller's transaction rolls
 * back whatever was written: the batch is all or nothing.
 */
export async function addCustomers(ctx: OperationContext, rows: NewCustomerRow[], options: AddCustomersOptions = {}): Promise<{ id: string; number: number; company: string }[]> {
  const { tx, now, caller, playbook } = ctx;
  const workspaceId = caller.workspace.id;
  if (rows.length === 0) return [];
  const checked = rows.map((row, i) => ({ row, ref: row.ref ?? String(i + 1), klass: classify(ctx, row, row.ref ?? String(i + 1)) }));
  for (const { row, ref } of checked) checkFields(row, ref);
  await checkOwners(tx, workspaceId, checked);

  // Taking the numbers locks the workspace row until commit, as `add` does: duplicate checks
  // of concurrent adds and imports run one after the other.
  const { nextCustomerNo } = await tx.workspace.update({
    where: { id: workspaceId },
    data: { nextCustomerNo: { increment: rows.length } },
    select: { nextCustomerNo: true },
  });
  const first = nextCustomerNo - rows.length;

  const keyed = checked.map((c) => ({ ...c, key: companyKey(c.row.fields.company), mobile: c.row.fields.mobile ?? null }));
  refuseDuplicatesWithin(keyed);
  const existing = await findExistingDuplicates(tx, workspaceId, keyed);
  const clash = keyed.find((_, i) => existing[i]);
  if (clash) {
    const { number, owner, byMobile } = existing[keyed.indexOf(clash)]!;
    const ref = clash.ref;
    throw new DomainError("duplicate", (m) => m.transfer.errors.rowFailed(ref, m.errors.duplicate(number, owner, byMobile)));
  }

  const created = keyed.map(({ row, klass, key }, i) => {
    const cadence = computeCadence(playbook, {
      stage: klass.stage,
      grade: klass.grade,
      classifiedAt: now,
      stageEnteredAt: now,
      snoozedUntil: null,
      touches: TOUCH_CHANNELS.map((channel) => {
        const called = channel === "call" && !!row.callLog;
        return { channel, lastAt: called ? now : null, countSinceStageEntered: called ? 1 : 0 };
      }),
      // A new customer holds no overdue touches over from an earlier classification.
      held: null,
    }, playbook.workCalendar);
    return {
      id: randomUUID(),
      workspaceId,
      number: first + i,
      ownerId: row.ownerId ?? caller.user.id,
      ...row.fields,
      companyKey: key,
      stage: klass.stage,
      grade: klass.grade,
      manMoney: row.man?.money ?? false,
      manAuthority: row.man?.authority ?? false,
      manNeed: row.man?.need ?? false,
      classifiedAt: now,
      stageEnteredAt: now,
      createdAt: now,
      lastTouchAt: row.callLog ? now : null,
      nextDueAt: cadence.nextDueAt,
      nextDueChannel: cadence.nextDueChannel,
      overdueAt: cadence.overdueAt,
    };
  });
  // Each slice of rows is written whole (customers, their stage history, their call logs), so
  // "written" after a slice is true of every row in it; slices end at the progress marks too.
  const marks = new Set(options.progress?.at ?? []);
  for (const [start, end] of slices(created.length, [...marks])) {
    const part = created.slice(start, end);
    await insertRows(tx, "Customer", part.map((c) => ({ ...c, updatedAt: now })));
    await insertRows(tx, "StageChange", part.map((c) => ({
      id: randomUUID(), workspaceId, customerId: c.id, userId: caller.user.id, fromStage: null, fromGrade: null, toStage: c.stage, toGrade: c.grade, at: now,
    })));
    const calls = part.flatMap((c, i) => {
      const callLog = keyed[start + i]!.row.callLog;
      return callLog ? [{ id: randomUUID(), createdAt: now, workspaceId, customerId: c.id, userId: caller.user.id, channel: "call", content: callLog, at: now }] : [];
    });
    await insertRows(tx, "Activity", calls);
    if (marks.has(end)) options.progress?.report(end);
  }
  const winners = created.filter((_, i) => keyed[i]!.klass.wins).map((c) => c.id);
  if (winners.length > 0) {
    for (const customer of await tx.customer.findMany({ where: { id: { in: winners } }, orderBy: { number: "asc" } })) {
      await win(ctx, customer, { amount: null });
    }
  }
  return created.map((c) => ({ id: c.id, number: c.number, company: c.company }));
}

/**
 * For each candidate, the workspace customer it would duplicate (same company key or mobile),
 * with only its number and owner, as `add` shows it. One query per thousand candidates.
 */
export async function findExistingDuplicates(
  tx: Tx,
  workspaceId: string,
  candidates: { key: string; mobile: string | null }[],
): Promise<(ExistingDuplicate | undefined)[]> {
  const byKey = new Map<string, { number: number; owner: string }>();
  const byMobile = new Map<string, { number: number; owner: string }>();
  for (const part of chunked(candidates, CHUNK)) {
    const keys = [...new Set(part.map((c) => c.key))];
    const mobiles = [...new Set(part.flatMap((c) => (c.mobile ? [c.mobile] : [])))];
    const found = await tx.customer.findMany({
      where: { workspaceId, OR: [{ companyKey: { in: keys } }, ...(mobiles.length ? [{ mobile: { in: mobiles } }] : [])] },
      select: { number: true, companyKey: true, mobile: true, owner: { select: { displayName: true } } },
      orderBy: { number: "asc" },
    });
    for (const c of found) {
      const hit = { number: c.number, owner: c.owner.displayName };
      if (!byKey.has(c.companyKey)) byKey.set(c.companyKey, hit);
      if (c.mobile && !byMobile.has(c.mobile)) byMobile.set(c.mobile, hit);
    }
  }
  return candidates.map(({ key, mobile }) => {
    const m = mobile ? byMobile.get(mobile) : undefined;
    const k = byKey.get(key);
    // `add` names the oldest customer either rule finds.
    if (m && (!k || m.number <= k.number)) return { ...m, byMobile: true };
    return k ? { ...k, byMobile: false } : undefined;
  });
}

/** Where the row enters the funnel, and whether it then wins (as `addCustomer` does). */
function classify(ctx: OperationContext, row: NewCustomerRow, ref: string): Classification & { wins: boolean } {
  try {
    const klass = resolveClassification(ctx, null, row.stage, row.grade);
    const kind = stageKind(ctx.playbook, klass.stage);
    if (kind === "lost") throw new DomainError("new_customer_lost", (m) => m.errors.newCustomerLost());
    // A row has no force=yes: one the stage's prerequisites keep out is refused, as `add` would.
    const refusal = kind === "open" ? importRowPrerequisites(ctx.playbook, ctx.caller.locale, klass.stage) : undefined;
    if (refusal) throw new DomainError("prerequisites", refusal);
    // A won customer enters the funnel where deals start, then wins: the history shows both.
    return kind === "won" ? { ...resolveClassification(ctx, null, undefined, undefined), wins: true } : { ...klass, wins: false };
  } catch (error) {
    throw rowError(ref, error);
  }
}

function checkFields(row: NewCustomerRow, ref: string): void {
  for (const [field, value] of Object.entries(row.fields)) {
    if (!isCustomerField(field as CustomerField) || value === undefined) continue;
    const result = checkField(field as CustomerField, value);
    if (!result.ok) {
      const f = field as CustomerField;
      throw new DomainError("bad_fields", (m) => m.transfer.errors.rowFailed(ref, m.errors.badField(m.fields[f], value, m.expect[f])));
    }
  }
}

async function checkOwners(tx: Tx, workspaceId: string, rows: { row: NewCustomerRow; ref: string }[]): Promise<void> {
  const ids = [...new Set(rows.flatMap(({ row }) => (row.ownerId ? [row.ownerId] : [])))];
  if (ids.length === 0) return;
  const known = new Set((await tx.user.findMany({ where: { workspaceId, id: { in: ids } }, select: { id: true } })).map((u) => u.id));
  const stray = rows.find(({ row }) => row.ownerId && !known.has(row.ownerId));
  if (stray) {
    const ref = stray.ref;
    throw new DomainError("bad_fields", (m) => m.transfer.errors.rowFailed(ref, m.transfer.errors.ownerGone()));
  }
}

function refuseDuplicatesWithin(rows: { ref: string; key: string; mobile: string | null }[]): void {
  const keys = new Map<string, string>();
  const mobiles = new Map<string, string>();
  for (const { ref, key, mobile } of rows) {
    const earlier = keys.get(key) ?? (mobile ? mobiles.get(mobile) : undefined);
    if (earlier) throw new DomainError("duplicate", (m) => m.transfer.errors.rowFailed(ref, m.transfer.errors.sameAsRow(earlier)));
    keys.set(key, ref);
    if (mobile) mobiles.set(mobile, ref);
  }
}

function rowError(ref: string, error: unknown): unknown {
  if (!(error instanceof DomainError)) return error;
  const render = (m: Messages) => m.transfer.errors.rowFailed(ref, error.render(m));
  return new DomainError(error.code, render);
}

/**
 * One INSERT per chunk with the rows as a single JSON parameter: the database expands it into
 * typed records, so a thousand rows cost one round trip and no per-column parameter work
 * (Prisma's createMany took about ten times longer here). Only the columns the rows carry are
 * named, so every other column keeps its database default. Table and column names are our own.
 */
async function insertRows(tx: Tx, table: "Customer" | "StageChange" | "Activity", rows: object[]): Promise<void> {
  if (rows.length === 0) return;
  // The union of the rows' keys: an optional field one row lacks is null in it.
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))].map((c) => `"${c}"`).join(", ");
  await tx.$executeRawUnsafe(
    `INSERT INTO "${table}" (${columns}) SELECT ${columns} FROM json_populate_recordset(NULL::"${table}", $1::json)`,
    JSON.stringify(rows),
  );
}

/** [start, end) ranges over `total` rows, at most CHUNK long, also ending at each of `marks`. */
function slices(total: number, marks: number[]): [number, number][] {
  const ends = new Set(marks.filter((n) => n > 0 && n < total));
  for (let n = CHUNK; n < total; n += CHUNK) ends.add(n);
  ends.add(total);
  const sorted = [...ends].sort((a, b) => a - b);
  return sorted.map((end, i) => [i === 0 ? 0 : sorted[i - 1]!, end]);
}

