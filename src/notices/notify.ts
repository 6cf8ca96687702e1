import type { Tx, User, Workspace } from "../db/types.ts";
import type { Locale } from "../domain/localized.ts";
import { messagesFor, type Messages } from "../i18n/messages.ts";
import { recipientKey } from "../jobs/outbox.ts";
import type { Reply } from "../reply.ts";

/**
 * Tells someone other than the caller what a command did to them (a handover, a reclaim), in
 * their own language. The notice goes into the outbox inside the command's transaction, keyed
 * by what happened: it is sent once by the delivery tick, and never if the command was refused.
 * A notice is never ephemeral (it goes to the person's direct messages): `compose` need not say so.
 */
export async function notify(
  tx: Tx,
  workspace: Workspace,
  to: User,
  key: string,
  compose: (m: Messages, locale: Locale) => Omit<Reply, "ephemeral"> & { ephemeral?: false },
  now: Date,
): Promise<void> {
  const locale = to.locale as Locale;
  const reply = { ...compose(messagesFor(locale), locale), locale, ephemeral: false };
  const target = { kind: "user" as const, userId: to.externalId };
  await tx.outboxMessage.upsert({
    where: { workspaceId_job_period_recipient: { workspaceId: workspace.id, job: "notice", period: key, recipient: recipientKey(target) } },
    create: {
      workspaceId: workspace.id,
      job: "notice",
      period: key,
      recipient: recipientKey(target),
      platform: workspace.platform,
      target,
      payload: reply as object,
      nextAttemptAt: now,
    },
    update: {},
  });
}
