import { fail } from "../../errors.ts";
import { seesWholeTeam } from "../../crm/roles.ts";
import { isValidTimeZone } from "../../format/dates.ts";
import { textReply } from "../../reply.ts";
import type { CommandContext, CommandHandler } from "../context.ts";
import { findLocale } from "./lang.ts";
import { isCalendarKind } from "../../calendar/work-calendar.ts";
import { finishCadenceRefresh, refreshNextChunk, REFRESH_CHUNK, scheduleCadenceRefresh } from "../../calendar/refresh-workspace.ts";

/**
 * Workspace settings, for directors and admins:
 * `setup channel` (typed in the channel that gets the weekly summary),
 * `setup timezone <Area/City>` (the zone of the weekly summary and its week),
 * `setup lang <zh|en>` (the language of what goes to the team channel),
 * `setup calendar <cn|none>` (the work calendar due dates and the morning list follow).
 */
export const setup: CommandHandler = async (command, ctx) => {
  const { caller, tx } = ctx;
  if (!seesWholeTeam(caller.user.role)) fail("forbidden", (m) => m.errors.directorsOnly());
  const what = command.words[0]?.value.toLowerCase();
  const value = command.words[1]?.value ?? "";
  const workspace = { where: { id: caller.workspace.id } };
  if (what === "channel" || what === "频道" || what === "群") {
    if (!caller.channelId) fail("no_channel", (m) => m.errors.setupNeedsChannel());
    await tx.workspace.update({ ...workspace, data: { directorChannel: caller.channelId } });
    return textReply(caller.m.setup.channelSet());
  }
  if (what === "timezone" || what === "tz" || what === "时区") {
    if (!isValidTimeZone(value) || !value.includes("/")) fail("bad_zone", (m) => m.errors.badTimeZone(value));
    await tx.workspace.update({ ...workspace, data: { timeZone: value } });
    // Due dates are whole days of the workspace's zone (and its default calendar follows the zone).
    const pending = await refreshDueDates(ctx);
    return textReply(withRefresh(ctx, caller.m.setup.timeZoneSet(value), pending));
  }
  if (what === "lang" || what === "language" || what === "语言") {
    const locale = findLocale(value);
    if (!locale) fail("bad_locale", (m) => m.errors.badLocale(value));
    await tx.workspace.update({ ...workspace, data: { locale } });
    return textReply(caller.m.setup.localeSet(locale));
  }
  if (what === "calendar" || what === "日历" || what === "工作日历") {
    const kind = value.trim().toLowerCase();
    if (!isCalendarKind(kind)) fail("bad_calendar", (m) => m.errors.badCalendar(value));
    await tx.workspace.update({ ...workspace, data: { calendar: kind } });
    const pending = await refreshDueDates(ctx);
    return textReply(withRefresh(ctx, caller.m.setup.calendarSet(kind), pending));
  }
  fail("usage", (m) => m.errors.setupUsage());
};

/**
 * Recomputes the stored due dates under the setting just written: the first chunk in this
 * command (all of them, for a team of up to a thousand customers), the rest after it commits,
 * chunk by chunk (see refresh-workspace.ts). Returns how many are left for then.
 */
async function refreshDueDates(ctx: CommandContext): Promise<number> {
  const { tx, caller, playbook } = ctx;
  const workspaceId = caller.workspace.id;
  const chunk = ctx.refreshChunk ?? REFRESH_CHUNK;
  await scheduleCadenceRefresh(tx, workspaceId);
  const first = await refreshNextChunk(tx, playbook, workspaceId, chunk);
  if (first.done) return 0;
  if (!ctx.afterCommit) {
    // Without a way to go on after the commit (a bare context), everything is done here.
    while (!(await refreshNextChunk(tx, playbook, workspaceId, chunk)).done);
    return 0;
  }
  ctx.afterCommit((prisma) => finishCadenceRefresh(prisma, playbook, workspaceId, chunk));
  const { cadenceRefreshAfter } = await tx.workspace.findUniqueOrThrow({ where: { id: workspaceId }, select: { cadenceRefreshAfter: true } });
  return tx.customer.count({ where: { workspaceId, nextDueAt: { not: null }, number: { gt: cadenceRefreshAfter ?? 0 } } });
}

function withRefresh(ctx: CommandContext, text: string, pending: number): string {
  return pending > 0 ? `${text}\n${ctx.caller.m.setup.refreshing(pending)}` : text;
}
