import type { Caller } from "../crm/caller.ts";
import type { Prisma } from "../db/database.ts";
import type { Customer, User, Workspace } from "../db/types.ts";
import type { Locale } from "../domain/localized.ts";
import { formatDate } from "../format/dates.ts";
import { messagesFor } from "../i18n/messages.ts";
import { notify } from "../notices/notify.ts";
import { releaseCustomer } from "../operations/pool.ts";
import type { Playbook } from "../playbook/playbook.schema.ts";
import { card } from "../reply.ts";
import { actionRef } from "../customers/customer-ref.ts";
import { dueForEscalation, reclaimOf } from "./rules.ts";

const DAY = 86_400_000;

export interface RuleResult {
  noticed: number;
  reclaimed: number;
  escalated: number;
}

/**
 * The playbook's pool and escalation rules for one workspace at `now`: warns owners K days
 * before a reclaim (once per idle spell), returns idle customers to the pool, and escalates
 * customers overdue past their threshold (once per overdue episode), telling the rep. Each
 * customer is handled in its own transaction, so one failure costs only that customer.
 */
export async function applyDirectorRules(prisma: Prisma, playbook: Playbook, workspace: Workspace, now: Date): Promise<RuleResult> {
  const result: RuleResult = { noticed: 0, reclaimed: 0, escalated: 0 };
  const open = playbook.stages.filter((s) => s.kind === "open").map((s) => s.id);
  const hasPoolRules = playbook.pool.reclaim.length > 0 || playbook.pool.unfiledDays !== undefined;
  if (hasPoolRules) {
    const shortest = Math.min(...playbook.pool.reclaim.map((r) => r.noTouchDays), playbook.pool.unfiledDays ?? Infinity);
    // Nothing touched or taken within (shortest rule − notice) days can be due for a notice yet.
    const before = new Date(now.getTime() - Math.max(0, shortest - playbook.pool.noticeDays) * DAY);
    const idle = await prisma.customer.findMany({
      where: {
        workspaceId: workspace.id, pooledAt: null, stage: { in: open }, createdAt: { lte: before }, stageEnteredAt: { lte: before },
        AND: [{ OR: [{ lastTouchAt: null }, { lastTouchAt: { lte: before } }] }, { OR: [{ heldSince: null }, { heldSince: { lte: before } }] }],
      },
      include: { owner: true },
    });
    for (const { owner, ...customer } of idle) {
      const reclaim = reclaimOf(playbook, customer);
      if (!reclaim) continue;
      if (reclaim.at <= now) {
        await prisma.$transaction((tx) => reclaimNow(tx, playbook, workspace, owner, customer, reclaim, now));
        result.reclaimed++;
      } else if (reclaim.at.getTime() - playbook.pool.noticeDays * DAY <= now.getTime() && !(customer.reclaimNoticeAt && customer.reclaimNoticeAt >= reclaim.since)) {
        await prisma.$transaction(async (tx) => {
          await tx.customer.update({ where: { id: customer.id }, data: { reclaimNoticeAt: now } });
          const title = `#${customer.number} ${customer.company}`;
          const ref = actionRef(customer, workspace);
          await notify(tx, workspace, owner, `reclaim-notice:${customer.id}:${reclaim.since.toISOString()}`, (m, locale) => ({
            ok: true, ephemeral: false,
            text: m.pool.reclaimNotice(title, formatDate(reclaim.at, owner.timeZone, locale)),
            cards: [card(title, { actions: [
              { kind: "prompt", label: m.actions.logCall, command: `log ${ref} call`, prompt: m.actions.notePrompt, style: "primary" },
              { kind: "run", label: m.actions.open, command: `show ${ref}` },
            ] })],
          }), now);
        });
        result.noticed++;
      }
    }
  }
  if (playbook.escalation.length > 0) {
    const shortest = Math.min(...playbook.escalation.map((r) => r.escalateAfter));
    const overdue = await prisma.customer.findMany({
      where: { workspaceId: workspace.id, pooledAt: null, overdueAt: { lte: new Date(now.getTime() - shortest * DAY) } },
      include: { owner: true },
    });
    for (const { owner, ...customer } of overdue) {
      if (!dueForEscalation(playbook, customer, now)) continue;
      await prisma.$transaction(async (tx) => {
        await tx.customer.update({ where: { id: customer.id }, data: { escalatedAt: now } });
        const title = `#${customer.number} ${customer.company}`;
        await notify(tx, workspace, owner, `escalated:${customer.id}:${customer.overdueAt!.toISOString()}`, (m) => ({
          ok: true, ephemeral: false, text: m.director.escalatedToRep(title), cards: [],
        }), now);
      });
      result.escalated++;
    }
  }
  return result;
}

async function reclaimNow(tx: Parameters<Parameters<Prisma["$transaction"]>[0]>[0], playbook: Playbook, workspace: Workspace, owner: User, customer: Customer, reclaim: NonNullable<ReturnType<typeof reclaimOf>>, now: Date) {
  const wm = messagesFor(workspace.locale as Locale);
  const reason = reclaim.rule.kind === "no-touch" ? wm.pool.reasonNoTouch(reclaim.rule.days) : wm.pool.reasonUnfiled(reclaim.rule.days);
  // The rule acts in the owner's name: the history shows whose customer went back and why.
  const caller: Caller = { user: owner, workspace, locale: owner.locale as Locale, timeZone: owner.timeZone, m: messagesFor(owner.locale as Locale) };
  await releaseCustomer({ tx, now, playbook, caller }, customer, reason);
  const title = `#${customer.number} ${customer.company}`;
  await notify(tx, workspace, owner, `reclaimed:${customer.id}:${now.toISOString()}`, (m) => ({
    ok: true, ephemeral: false, text: m.pool.reclaimed(title, reclaim.rule.kind === "no-touch" ? m.pool.reasonNoTouch(reclaim.rule.days) : m.pool.reasonUnfiled(reclaim.rule.days)), cards: [],
  }), now);
}
