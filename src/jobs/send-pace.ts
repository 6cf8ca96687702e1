import type { Prisma } from "../db/database.ts";
import type { PaceLimits } from "../ports/outbound.ts";

/**
 * A send schedule shared through the database by every replica, one row per rate-limit scope
 * (a Slack workspace, a Feishu app). Each send takes the next slot, one 1/perSecond after the
 * previous one, in a single statement; the rate rises a little with every slot taken and is cut
 * on a 429, whose Retry-After also pauses every sender. Starting at a safe rate and finding the
 * platform's real one this way matters because Slack does not publish its workspace cap.
 */

/** Each slot raises the rate by this share of a message per second: about +5 % per second of sending. */
const RISE_PER_SLOT = 0.05;
/** A 429 cuts the rate to this share (once per burst of refusals). */
const CUT_TO = 0.8;

/** Takes the next send slot of `key` and returns when the send may start. */
export async function takeSlot(prisma: Prisma, key: string, limits: PaceLimits, now: Date): Promise<Date> {
  const at = now.toISOString();
  // The row lock makes replicas take their slots one after the other, never the same one.
  const take = () => prisma.$queryRaw<{ slotAt: Date }[]>`
    UPDATE "SendPace" p
       SET "nextSlotAt" = old."slotAt" + make_interval(secs => 1.0 / old."perSecond"),
           "perSecond" = least(${limits.maxPerSecond}::float8, old."perSecond" + ${RISE_PER_SLOT}::float8),
           "updatedAt" = ${at}::timestamp(3)
      FROM (SELECT "key", "perSecond", greatest("nextSlotAt", ${at}::timestamp(3), coalesce("pausedUntil", ${at}::timestamp(3))) AS "slotAt"
              FROM "SendPace" WHERE "key" = ${key} FOR UPDATE) AS old
     WHERE p."key" = old."key"
    RETURNING old."slotAt"`;
  const taken = await take();
  if (taken[0]) return taken[0].slotAt;
  // The scope's first send ever: it starts at the safe rate.
  await prisma.$executeRaw`
    INSERT INTO "SendPace" ("key", "perSecond", "nextSlotAt", "updatedAt")
    VALUES (${key}, ${limits.initialPerSecond}, ${at}::timestamp(3), ${at}::timestamp(3))
    ON CONFLICT ("key") DO NOTHING`;
  return (await take())[0]!.slotAt;
}

/**
 * The platform refused a send that started at `startedAt` as too fast: everyone pauses for
 * Retry-After, and the rate is cut — once for the sends that were already in flight together.
 */
export async function slowDown(prisma: Prisma, key: string, limits: PaceLimits, startedAt: Date, retryAfterMs: number, now: Date): Promise<void> {
  const resume = new Date(now.getTime() + retryAfterMs).toISOString();
  await prisma.$executeRaw`
    UPDATE "SendPace"
       SET "pausedUntil" = greatest(coalesce("pausedUntil", ${resume}::timestamp(3)), ${resume}::timestamp(3)),
           "perSecond" = CASE WHEN "lastCutAt" IS NULL OR "lastCutAt" <= ${startedAt.toISOString()}::timestamp(3)
                              THEN greatest(${limits.minPerSecond}::float8, "perSecond" * ${CUT_TO}::float8) ELSE "perSecond" END,
           "lastCutAt" = CASE WHEN "lastCutAt" IS NULL OR "lastCutAt" <= ${startedAt.toISOString()}::timestamp(3)
                              THEN ${now.toISOString()}::timestamp(3) ELSE "lastCutAt" END,
           "nextSlotAt" = greatest("nextSlotAt", ${resume}::timestamp(3)),
           "updatedAt" = ${now.toISOString()}::timestamp(3)
     WHERE "key" = ${key}`;
}

export async function currentRate(prisma: Prisma, key: string): Promise<number | null> {
  const row = await prisma.sendPace.findUnique({ where: { key }, select: { perSecond: true } });
  return row?.perSecond ?? null;
}
