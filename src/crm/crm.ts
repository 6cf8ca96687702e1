import type { Prisma } from "../db/database.ts";
import { isUniqueViolation, type Tx } from "../db/types.ts";
import type { Locale } from "../domain/localized.ts";
import { DomainError } from "../errors.ts";
import { messagesFor } from "../i18n/messages.ts";
import type { Playbook } from "../playbook/playbook.schema.ts";
import type { InputFile, Reply } from "../reply.ts";
import type { Caller } from "./caller.ts";
import type { CommandContext, ProgressListener } from "../commands/context.ts";
import { HANDLERS } from "../commands/handlers/index.ts";
import { parseCommand } from "../commands/parse.ts";
import { normalizeCommandLine } from "../commands/input-limits.ts";
import { home } from "../commands/home.ts";
import { isReadOnlyName } from "../commands/read-only.ts";
import { ensureCaller, findCaller, type Identity } from "./identity.ts";
import type { Logger } from "../logger.ts";
import { playbookForWorkspace } from "../calendar/workspace-playbook.ts";
import { resumeCadenceRefreshes } from "../calendar/refresh-workspace.ts";
import type { Prisma as PrismaClient } from "../db/database.ts";

export type { Logger } from "../logger.ts";

export interface CrmDeps {
  prisma: Prisma;
  playbook: Playbook;
  clock?: () => Date;
  /** Only errors are logged by the core itself. */
  logger?: Pick<Logger, "error">;
  /** Customers per transaction when due dates are recomputed (REFRESH_CHUNK unless a test says). */
  refreshChunk?: number;
}

export interface ExecuteOptions {
  /**
   * The platform's id for this delivery (event id, action id…). A second delivery with the
   * same key gets the first reply and writes nothing.
   */
  dedupeKey?: string;
  /**
   * How long the key counts. Unset: for ever (platform retries can come hours later). A
   * double-clicked button uses a short window, so the same button works again tomorrow.
   */
  dedupeWindowMs?: number;
  /** Files the person sent with the command (an import). */
  files?: readonly InputFile[];
  /**
   * Where a long command's progress messages go (an import's "2,500 of 10,000 rows"), while it
   * runs: the adapter shows each to the person. Called synchronously; it must not block, and an
   * exception it throws is logged, never fails the command. A repeated delivery answered from
   * its receipt reports nothing.
   */
  onProgress?: ProgressListener;
}

/** Why a command was refused: a stable code (e.g. `duplicate`) and field problems for forms. */
export interface CommandFailure {
  code: string;
  fieldErrors: Record<string, string>;
}

// Long enough for a cold PGlite; short enough that a stuck command does not hold the only connection.
const TX_OPTIONS = { maxWait: 20_000, timeout: 20_000 };
// An import's confirm is one transaction of up to 20,000 rows (IMPORT_LIMITS): on a busy 2-core
// machine with PGlite that took 20.6 s, past the usual limit, and failed whole. `import` and
// `yes` (which confirms an import, or a handover of all of a rep's customers) may take longer.
const LONG_TX_OPTIONS = { maxWait: 20_000, timeout: 120_000 };
const LONG_COMMANDS = new Set(["import", "yes"]);

export type Crm = ReturnType<typeof createCrm>;

export function createCrm(deps: CrmDeps) {
  const { prisma, playbook } = deps;
  const now = deps.clock ?? (() => new Date());
  const logger = deps.logger ?? { error: (message: string, detail?: unknown) => console.error(message, detail) };
  /** Work left by committed commands (see AfterCommit), running on after their replies. */
  const background = new Set<Promise<unknown>>();

  function startBackground(work: (prisma: PrismaClient) => Promise<unknown>): void {
    const running: Promise<unknown> = work(prisma)
      .catch((error) => logger.error("background work failed; it resumes at the next start", error))
      .finally(() => background.delete(running));
    background.add(running);
  }

  async function callerFor(identity: Identity): Promise<Caller> {
    const resolve = () => prisma.$transaction((tx) => ensureCaller(tx, identity), TX_OPTIONS);
    // Two first messages from one new workspace can race to create it; the loser finds it on retry.
    // A known person costs one read and no transaction of its own.
    const { workspace, user } =
      (await findCaller(prisma, identity)) ?? (await resolve().catch((error) => (isUniqueViolation(error) ? resolve() : Promise.reject<never>(error))));
    const locale = (identity.localeOverride ?? user.locale) as Locale;
    return {
      workspace, user, locale, timeZone: user.timeZone, m: messagesFor(locale),
      ...(identity.channelId ? { channelId: identity.channelId } : {}),
    };
  }

  /** Runs one command line for one person and answers in their language. Never throws. */
  async function execute(identity: Identity, line: string, options: ExecuteOptions = {}): Promise<Reply & Partial<CommandFailure>> {
    let caller: Caller | undefined;
    try {
      caller = await callerFor(identity);
      const command = parseCommand(normalizeCommandLine(line));
      const context = caller;
      const at = now();
      const rules = playbookForWorkspace(playbook, context.workspace);
      const files = options.files ? { files: options.files } : {};
      const progress = options.onProgress ? { progress: guarded(options.onProgress) } : {};
      // Started only once the command's transaction has committed; dropped with a refusal.
      const later: ((prisma: PrismaClient) => Promise<unknown>)[] = [];
      const afterCommit = (work: (prisma: PrismaClient) => Promise<unknown>) => void later.push(work);
      const refreshChunk = deps.refreshChunk ? { refreshChunk: deps.refreshChunk } : {};
      const run = (tx: Tx) =>
        HANDLERS[command.name](command, { tx, now: at, playbook: rules, caller: context, afterCommit, ...refreshChunk, ...files, ...progress } satisfies CommandContext);
      const committed = <T>(reply: T): T => {
        for (const work of later.splice(0)) startBackground(work);
        return reply;
      };
      const { dedupeKey, dedupeWindowMs } = options;
      // Showing something needs no transaction: BEGIN and COMMIT would be half of a `due`'s round trips.
      const txOptions = LONG_COMMANDS.has(command.name) ? LONG_TX_OPTIONS : TX_OPTIONS;
      if (!dedupeKey) return committed(await (isReadOnlyName(command.name) ? run(prisma) : prisma.$transaction(run, txOptions)));
      const since = dedupeWindowMs === undefined ? undefined : new Date(at.getTime() - dedupeWindowMs);
      const earlier = await findReceipt(context.workspace.id, dedupeKey, since);
      if (earlier) return earlier;
      if (isReadOnlyName(command.name)) return await showOnce(context.workspace.id, dedupeKey, since, at, () => run(prisma));
      try {
        return committed(await prisma.$transaction(async (tx) => {
          if (since) await tx.commandReceipt.deleteMany({ where: { workspaceId: context.workspace.id, key: dedupeKey, createdAt: { lt: since } } });
          // Claim the key first: a concurrent duplicate blocks here, then fails on the unique key.
          await tx.commandReceipt.create({ data: { workspaceId: context.workspace.id, key: dedupeKey, reply: {}, createdAt: at } });
          const reply = await run(tx);
          await tx.commandReceipt.update({
            where: { workspaceId_key: { workspaceId: context.workspace.id, key: dedupeKey } },
            // Files (an export, a chart) are not kept: a repeated delivery gets the answer without it.
            data: { reply: withoutFiles(reply) as object },
          });
          return reply;
        }, txOptions));
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        return (await findReceipt(context.workspace.id, dedupeKey, since)) ?? failure(caller, error);
      }
    } catch (error) {
      return failure(caller ?? fallbackCaller(identity), error);
    }
  }

  /**
   * A read-only command delivered with a key writes nothing but its receipt: it runs outside a
   * transaction (a report's charts are drawn holding no connection, on PGlite the only one),
   * and the receipt is written after. A copy arriving meanwhile computes the same answer; the
   * receipt written first is the answer both give.
   */
  async function showOnce(workspaceId: string, key: string, since: Date | undefined, at: Date, show: () => Promise<Reply>): Promise<Reply> {
    const reply = await show();
    if (since) await prisma.commandReceipt.deleteMany({ where: { workspaceId, key, createdAt: { lt: since } } });
    try {
      await prisma.commandReceipt.create({ data: { workspaceId, key, reply: withoutFiles(reply) as object, createdAt: at } });
      return reply;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      return (await findReceipt(workspaceId, key, since)) ?? reply;
    }
  }

  function guarded(listener: ProgressListener): ProgressListener {
    return (update) => {
      try {
        listener(update);
      } catch (error) {
        logger.error("a progress listener failed", error);
      }
    };
  }

  async function findReceipt(workspaceId: string, key: string, since?: Date): Promise<Reply | null> {
    const receipt = await prisma.commandReceipt.findUnique({ where: { workspaceId_key: { workspaceId, key } } });
    if (!receipt || (since && receipt.createdAt < since)) return null;
    return receipt.reply as unknown as Reply;
  }

  /** The pipeline and today's list for one person (Slack's App Home). */
  async function homeView(identity: Identity): Promise<Reply> {
    const caller = await callerFor(identity);
    return prisma.$transaction((tx) => home({ tx, now: now(), playbook: playbookForWorkspace(playbook, caller.workspace), caller }), TX_OPTIONS);
  }

  function failure(caller: Pick<Caller, "m">, error: unknown): Reply & CommandFailure {
    const { m } = caller;
    if (error instanceof DomainError) {
      const fieldErrors = Object.fromEntries(Object.entries(error.fieldErrors).map(([k, render]) => [k, render(m)]));
      return { ok: false, ephemeral: true, text: error.render(m), cards: [], code: error.code, fieldErrors };
    }
    const reference = Math.random().toString(36).slice(2, 8);
    logger.error(`command failed [${reference}]`, error);
    return { ok: false, ephemeral: true, text: m.errors.internal(reference), cards: [], code: "internal", fieldErrors: {} };
  }

  /** Resolves once the work commands left to run after their replies is done (tests, shutdown). */
  async function idle(): Promise<void> {
    while (background.size > 0) await Promise.all([...background]);
  }

  /** At start: finishes what a stopped process left pending (a recomputation of due dates). */
  function resumeBackground(): void {
    startBackground((db) => resumeCadenceRefreshes(db, playbook));
  }

  return { execute, homeView, callerFor, playbook, now, idle, resumeBackground };
}

function withoutFiles(reply: Reply): Reply {
  const { files: _files, ...rest } = reply;
  return rest;
}

function fallbackCaller(identity: Identity): Pick<Caller, "m"> {
  return { m: messagesFor(identity.localeOverride ?? identity.locale ?? "zh-CN") };
}
