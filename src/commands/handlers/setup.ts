import { fail } from "../../errors.ts";
import { seesWholeTeam } from "../../crm/roles.ts";
import { isValidTimeZone } from "../../format/dates.ts";
import { textReply } from "../../reply.ts";
import type { CommandHandler } from "../context.ts";
import { findLocale } from "./lang.ts";
import { isCalendarKind } from "../../calendar/work-calendar.ts";
import { playbookForWorkspace } from "../../calendar/workspace-playbook.ts";
import { refreshWorkspaceCadence } from "../../calendar/refresh-workspace.ts";

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
    const updated = await tx.workspace.update({ ...workspace, data: { timeZone: value } });
    // Due dates are whole days of the workspace's zone (and its default calendar follows the zone).
    await refreshWorkspaceCadence(tx, playbookForWorkspace(ctx.playbook, updated), updated.id);
    return textReply(caller.m.setup.timeZoneSet(value));
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
    const updated = await tx.workspace.update({ ...workspace, data: { calendar: kind } });
    await refreshWorkspaceCadence(tx, playbookForWorkspace(ctx.playbook, updated), updated.id);
    return textReply(caller.m.setup.calendarSet(kind));
  }
  fail("usage", (m) => m.errors.setupUsage());
};
