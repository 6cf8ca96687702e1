import type { JobDefinition } from "./job-definition.ts";
import type { Caller } from "../crm/caller.ts";
import { dueCard, dueTodayForOwners, type DueList } from "../customers/due-list.ts";
import { queryRows } from "../db/direct-sql.ts";
import { PrismaNamespace, type User, type Workspace } from "../db/types.ts";
import type { Locale } from "../domain/localized.ts";
import { messagesFor } from "../i18n/messages.ts";
import { card, type Reply } from "../reply.ts";
import type { JobDeps, JobResult, JobRun } from "./job-deps.ts";
import { forEachWorkspace, workspacesFor } from "./job-deps.ts";
import { enqueueMany, outboxKey, recipientKey, recordedKeys } from "./outbox.ts";
import { localDateAndTime } from "../format/dates.ts";
import { isWorkingDayAt, workspaceCalendar } from "../calendar/work-calendar.ts";
import { playbookForWorkspace } from "../calendar/workspace-playbook.ts";
import type { Playbook } from "../playbook/playbook.schema.ts";
import { chunked } from "../chunked.ts";

export const MORNING_DIGEST = "morning-digest";
/** Lines in one message; the rest are counted, with a hint to ask for the full list. */
export const DIGEST_CAP = 10;

/**
 * Every rep's list for their local day, once per rep per day: overdue first, then due today,
 * best stage and grade first, each with the buttons to clear it. Nothing due, no message.
 */
export async function runMorningDigest(deps: JobDeps, run: JobRun & { digestAt: string }): Promise<JobResult> {
  const workspaces = await workspacesFor(deps.prisma, run.workspace);
  return forEachWorkspace(deps, run, MORNING_DIGEST, workspaces, (workspace, result) => enqueueMorningDigests(deps, run, workspace, result));
}

/**
 * Composes every rep's list of one workspace and queues them: the reps, the rows already recorded
 * for their day, then, per chunk of reps, their due customers (one statement) and one multi-row
 * insert — a handful of statements per chunk whatever its size. Exported for the benchmark, which
 * times composing and queueing without sending.
 */
export async function enqueueMorningDigests(deps: JobDeps, run: JobRun & { digestAt: string }, workspace: Workspace, result: JobResult) {
  // Through the driver (queryRows): 5,000 users through the ORM took a third of a second.
  const users = await queryRows<User>(deps.prisma, PrismaNamespace.sql`SELECT * FROM "User" WHERE "workspaceId" = ${workspace.id} ORDER BY "createdAt"`);
  const calendar = workspaceCalendar(workspace);
  const candidates = users.flatMap((user) => {
    // No list on a day off (a weekend, 国庆节): what is due then is still due on the next working day.
    if (!isWorkingDayAt(calendar, run.now, user.timeZone)) return [];
    const local = localDateAndTime(run.now, user.timeZone);
    if (run.respectLocalTime && local.time < run.digestAt) return [];
    return [{ user, period: local.date, target: { kind: "user" as const, userId: user.externalId } }];
  });
  const recorded = await recordedKeys(deps.prisma, workspace.id, MORNING_DIGEST, candidates);
  const keyOf = (c: Candidate) => outboxKey({ workspaceId: workspace.id, job: MORNING_DIGEST, period: c.period, recipient: recipientKey(c.target) });
  const todo = candidates.filter((c) => !recorded.has(keyOf(c)));
  result.alreadyDone += candidates.length - todo.length;
  const playbook = playbookForWorkspace(deps.playbook, workspace);
  const read = (chunk: Candidate[]) => dueTodayForOwners(deps.prisma, playbook, workspace.id, chunk.map((c) => c.user), run.now, DIGEST_CAP);
  const compose = (chunk: Candidate[], lists: Map<string, DueList>) =>
    chunk.map((c) => ({
      workspaceId: workspace.id,
      job: MORNING_DIGEST,
      period: c.period,
      platform: workspace.platform,
      target: c.target,
      reply: digestFor(playbook, workspace, c.user, lists.get(c.user.id)!, run.now),
    }));
  const write = async (entries: ReturnType<typeof compose>) => {
    const added = await enqueueMany(deps.prisma, entries, deps.now(), deps.sql);
    for (const entry of entries) {
      if (!added.has(outboxKey({ ...entry, recipient: recipientKey(entry.target) }))) result.alreadyDone++;
      else if (entry.reply) result.queued++;
      else result.nothingToSend++;
    }
  };
  // On a server database the three steps overlap: while one chunk's lists are composed here, the
  // next chunk's due customers are read and the last chunk's lists written on other connections.
  // (On PGlite's one connection the statements simply queue.) Nothing in flight is left unawaited.
  const chunks = chunked(todo, DIGEST_CHUNK);
  let reading = chunks.length > 0 ? awaitedLater(read(chunks[0]!)) : undefined;
  let writing: Promise<void> | undefined;
  for (const [i, chunk] of chunks.entries()) {
    const lists = await reading!;
    reading = i + 1 < chunks.length ? awaitedLater(read(chunks[i + 1]!)) : undefined;
    const entries = compose(chunk, lists);
    await writing;
    writing = awaitedLater(write(entries));
  }
  await writing;
}

type Candidate = { user: User; period: string; target: { kind: "user"; userId: string } };

/** Reps per chunk: small enough that 200 reps make a pipeline, big enough that 5,000 are ~100 chunks. */
const DIGEST_CHUNK = 50;

/** A promise awaited later: marked handled now, so its failure is not an unhandled rejection meanwhile. */
function awaitedLater<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => {});
  return promise;
}

function digestFor(playbook: Playbook, workspace: Workspace, user: User, list: DueList, now: Date): Reply | null {
  const { items, total, overdue } = list;
  if (total === 0) return null;
  const locale = user.locale as Locale;
  const caller: Caller = { user, workspace, locale, timeZone: user.timeZone, m: messagesFor(locale) };
  const { m } = caller;
  const cards = items.map((item) => dueCard(playbook, caller, item, now));
  if (total > items.length) cards.push(card(m.digest.more(total - items.length)));
  return { ok: true, ephemeral: false, locale, text: m.digest.morning(user.displayName, total, overdue), cards };
}

/** Ticks every minute: each rep's list goes when their own clock reaches MORNING_DIGEST_AT. */
export const morningDigestJob: JobDefinition = {
  name: MORNING_DIGEST,
  schedule: () => ({ cron: "* * * * *" }),
  run: (deps, run, settings) => runMorningDigest(deps, { ...run, digestAt: settings.digestAt }),
};
