import type { Prisma } from "../db/database.ts";
import type { User, Workspace } from "../db/types.ts";
import type { Locale } from "../domain/localized.ts";
import { formatShortDate } from "../format/dates.ts";
import { messagesFor } from "../i18n/messages.ts";
import { isTracked } from "../playbook/lookup.ts";
import type { Playbook } from "../playbook/playbook.schema.ts";
import { card, type Card, type Reply } from "../reply.ts";
import { actionRef } from "../customers/customer-ref.ts";
import { classLabel } from "../customers/playbook-terms.ts";

const SHOWN = 10;

/**
 * The director's morning list: tracked customers overdue (A-grade intention, selection),
 * customers escalated past their threshold, filings waiting, and customers about to go back
 * to the pool — each with nudge, reassign and open. Null when there is nothing to act on.
 */
export async function directorList(prisma: Prisma, playbook: Playbook, workspace: Workspace, director: User, now: Date): Promise<Reply | null> {
  const locale = director.locale as Locale;
  const m = messagesFor(locale);
  const ws = { workspaceId: workspace.id, pooledAt: null };
  const [overdue, filings, reclaiming] = await Promise.all([
    prisma.customer.findMany({ where: { ...ws, overdueAt: { lte: now } }, orderBy: { overdueAt: "asc" }, include: { owner: { select: { displayName: true } } } }),
    prisma.customer.findMany({ where: { workspaceId: workspace.id, filingStatus: "pending" }, orderBy: { filedAt: "asc" }, include: { owner: { select: { displayName: true } } } }),
    prisma.customer.findMany({ where: { ...ws, reclaimNoticeAt: { not: null } }, orderBy: { reclaimNoticeAt: "asc" }, include: { owner: { select: { displayName: true } } } }),
  ]);
  const tracked = overdue.filter((c) => isTracked(playbook, c.stage, c.grade));
  const escalated = overdue.filter((c) => c.escalatedAt && c.overdueAt && c.escalatedAt >= c.overdueAt && !isTracked(playbook, c.stage, c.grade));
  if (tracked.length + escalated.length + filings.length + reclaiming.length === 0) return null;

  type Row = (typeof overdue)[number];
  const item = (c: Row, extra: string) => {
    const ref = actionRef(c, workspace);
    return card(`#${c.number} ${c.company} · ${c.owner.displayName}`, {
      subtitle: `${classLabel(playbook, c.stage, c.grade, locale)}${extra ? ` · ${extra}` : ""}`,
      actions: [
        { kind: "run", label: m.director.nudge, command: `nudge ${ref}` },
        { kind: "prompt", label: m.director.reassign, command: `assign ${ref}`, prompt: m.director.reassignPrompt },
        { kind: "run", label: m.actions.open, command: `show ${ref}` },
      ],
    });
  };
  const since = (c: Row) => (c.overdueAt ? m.director.overdueSince(formatShortDate(c.overdueAt, director.timeZone, locale)) : "");
  const section = (title: (n: number) => string, rows: Row[], extra: (c: Row) => string): Card[] =>
    rows.length === 0 ? [] : [card(title(rows.length)), ...rows.slice(0, SHOWN).map((c) => item(c, extra(c)))];
  const cards = [
    ...section((n: number) => m.director.trackedOverdue(n), tracked, since),
    ...section((n: number) => m.director.escalated(n), escalated, since),
    ...section((n: number) => m.director.filings(n), filings, () => ""),
    ...section((n: number) => m.director.reclaiming(n), reclaiming, () => ""),
  ];
  return {
    ok: true, ephemeral: false, locale,
    text: m.director.title(director.displayName, tracked.length, escalated.length, filings.length, reclaiming.length),
    cards,
  };
}
