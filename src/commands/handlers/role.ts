import { fail } from "../../errors.ts";
import { findRole, isAdmin, ROLES } from "../../crm/roles.ts";
import { findPerson } from "../../crm/people.ts";
import { textReply } from "../../reply.ts";
import type { CommandHandler } from "../context.ts";

/**
 * `role <@user> <rep|director|admin>` (admins only). Mentions arrive as Slack's `<@U123|name>`,
 * Feishu's open_id, or a display name typed in the console.
 */
export const role: CommandHandler = async (command, ctx) => {
  const { tx, caller } = ctx;
  if (!isAdmin(caller.user.role)) fail("forbidden", (m) => m.errors.adminsOnly());
  const who = command.words[0]?.value;
  const roleWord = command.words[1]?.value;
  if (!who || !roleWord) fail("usage", (m) => m.errors.roleUsage([...ROLES]));
  const newRole = findRole(roleWord);
  if (!newRole) fail("bad_role", (m) => m.errors.badRole(roleWord, [...ROLES]));
  const target = await findPerson(tx, caller.workspace.id, who);
  if (target.role === "admin" && newRole !== "admin") {
    const admins = await tx.user.count({ where: { workspaceId: caller.workspace.id, role: "admin" } });
    if (admins <= 1) fail("last_admin", (m) => m.errors.lastAdmin());
  }
  await tx.user.update({ where: { id: target.id }, data: { role: newRole } });
  return textReply(caller.m.role.done(target.displayName, caller.m.roles[newRole]));
};
