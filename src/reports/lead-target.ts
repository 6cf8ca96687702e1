import dayjs from "dayjs";
import type { Tx } from "../db/types.ts";
import { leadsBySource, windowConversion, type WindowConversion } from "./report-figures.ts";
import { threeMonthsBefore } from "./period.ts";

export interface PlannedSource {
  /** The source as reps type it in `source=`; "" for leads with none recorded. */
  source: string;
  /** 0..1 */
  share: number;
  /** Leads needed this month from this source (not rounded). */
  needed: number;
}

export interface LeadPlan {
  month: string;
  salesTarget: number;
  window: { start: Date; end: Date };
  averageDeal: number;
  conversionRate: number;
  /** Sales target ÷ average deal. */
  dealsNeeded: number;
  /** Deals ÷ conversion. */
  leadsNeeded: number;
  sources: PlannedSource[];
  /** Shares came from the last three months' leads (true) or from the director (false). */
  sharesFromHistory: boolean;
}

export type PlanRefusal =
  | { kind: "noOrders"; window: { start: Date; end: Date } }
  | { kind: "noLeads"; window: { start: Date; end: Date } }
  | { kind: "noWins"; window: { start: Date; end: Date }; leads: number };

/**
 * The monthly lead target of [001]: leads needed per source = sales target ÷ average deal ÷ the
 * last three months' conversion × the source's share. The three months are those before the
 * month (or before now, for the month under way or a later one): history, never the plan itself.
 */
export async function planLeads(
  prisma: Tx,
  workspace: { id: string; timeZone: string },
  month: string,
  salesTarget: number,
  givenShares: { source: string; share: number }[] | null,
  now: Date,
): Promise<{ ok: true; plan: LeadPlan } | { ok: false; refusal: PlanRefusal }> {
  const monthStart = dayjs.tz(`${month}-01 00:00`, workspace.timeZone).toDate();
  const window = threeMonthsBefore(monthStart < now ? monthStart : now, workspace.timeZone);
  const history: WindowConversion = await windowConversion(prisma, workspace.id, window, {});
  if (history.leads === 0) return { ok: false, refusal: { kind: "noLeads", window } };
  if (history.won === 0 || history.rate === null) return { ok: false, refusal: { kind: "noWins", window, leads: history.leads } };
  if (history.averageDeal === null || history.averageDeal <= 0) return { ok: false, refusal: { kind: "noOrders", window } };
  const shares = givenShares ?? (await leadsBySource(prisma, workspace.id, window, {})).map((s) => ({ source: s.source, share: s.count / history.leads }));
  const dealsNeeded = salesTarget / history.averageDeal;
  const leadsNeeded = dealsNeeded / history.rate;
  return {
    ok: true,
    plan: {
      month, salesTarget, window, averageDeal: history.averageDeal, conversionRate: history.rate, dealsNeeded, leadsNeeded,
      sources: shares.map((s) => ({ source: s.source, share: s.share, needed: leadsNeeded * s.share })),
      sharesFromHistory: givenShares === null,
    },
  };
}

export interface SourceProgress extends PlannedSource {
  /** Leads created this month so far with this source. */
  current: number;
  /** Leads still to find: needed (rounded up) − current, never below 0. */
  gap: number;
}

/** The plan against the leads already in: per source, matched without regard to case or spaces. */
export function progressOf(sources: PlannedSource[], leads: { source: string; count: number }[]): SourceProgress[] {
  const key = (s: string) => s.trim().toLowerCase();
  return sources.map((s) => {
    const current = leads.filter((l) => key(l.source) === key(s.source)).reduce((sum, l) => sum + l.count, 0);
    return { ...s, current, gap: Math.max(0, Math.ceil(s.needed - 1e-9) - current) };
  });
}

export interface StoredTarget {
  month: string;
  salesTarget: number;
  averageDeal: number;
  conversionRate: number;
  sources: PlannedSource[];
}

export async function saveTarget(tx: Tx, workspaceId: string, plan: LeadPlan, setById: string): Promise<void> {
  const data = {
    salesTarget: plan.salesTarget, averageDeal: Math.round(plan.averageDeal * 100) / 100, conversionRate: plan.conversionRate,
    plan: plan.sources.map((s) => ({ source: s.source, share: s.share, needed: s.needed })), setById,
  };
  await tx.monthlyTarget.upsert({
    where: { workspaceId_month: { workspaceId, month: plan.month } },
    create: { workspaceId, month: plan.month, ...data },
    update: data,
  });
}

export async function findTarget(prisma: Tx, workspaceId: string, month: string): Promise<StoredTarget | null> {
  const row = await prisma.monthlyTarget.findUnique({ where: { workspaceId_month: { workspaceId, month } } });
  if (!row) return null;
  return {
    month: row.month, salesTarget: Number(row.salesTarget), averageDeal: Number(row.averageDeal), conversionRate: row.conversionRate,
    sources: row.plan as unknown as PlannedSource[],
  };
}
