import { fail } from "../../errors.ts";
import { findRole, isAdmin, ROLES } from "../../crm/roles.ts";
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
  const mentioned = /^<@([^|>]+)(?:\|[^>]*)?>$/.exec(who)?.[1];
  const name = who.replace(/^[@＠]/, "");
  const matches = await tx.user.findMany({
    where: {
      workspaceId: caller.workspace.id,
      OR: mentioned ? [{ externalId: mentioned }] : [{ externalId: name }, { displayName: { equals: name, mode: "insensitive" } }],
    },
    orderBy: { externalId: "asc" },
    take: 10,
  });
  // An exact platform id wins; two people with the same display name must be told apart.
  const target = matches.find((u) => u.externalId === (mentioned ?? name)) ?? (matches.length === 1 ? matches[0] : undefined);
  if (!target && matches.length > 1) {
    const ids = matches.map((u) => `${u.displayName} (${u.externalId})`);
    fail("ambiguous_user", (m) => m.errors.ambiguousUser(who, ids));
  }
  if (!target) fail("no_user", (m) => m.errors.noSuchUser(who));
  if (target.role === "admin" && newRole !== "admin") {
    const admins = await tx.user.count({ where: { workspaceId: caller.workspace.id, role: "admin" } });
    if (admins <= 1) fail("last_admin", (m) => m.errors.lastAdmin());
  }
  await tx.user.update({ where: { id: target.id }, data: { role: newRole } });
  return textReply(caller.m.role.done(target.displayName, caller.m.roles[newRole]));
};
