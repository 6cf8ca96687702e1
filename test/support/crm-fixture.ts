import { afterAll, beforeAll, beforeEach, expect } from "vitest";
import { createCrm, type Crm } from "../../src/crm/crm.ts";
import type { Identity } from "../../src/crm/identity.ts";
import type { Locale } from "../../src/domain/localized.ts";
import { loadPlaybook } from "../../src/playbook/load-playbook.ts";
import { openTestDatabase, type TestDatabase } from "./test-database.ts";

export interface Person {
  identity: Identity;
  /** Runs one command line as this person. */
  run(line: string, dedupeKey?: string): ReturnType<Crm["execute"]>;
}

export interface CrmFixture {
  db: TestDatabase;
  crm: Crm;
  /** The pinned clock; move it with `fixture.clock.set(...)`. */
  clock: { now: Date; set(iso: string): void; advanceDays(days: number): void };
  person(userId: string, options?: { workspace?: string; locale?: Locale; timeZone?: string; platform?: string }): Person;
}

/**
 * One database and CRM per test file, with a clock pinned at the start of every test (Monday
 * 23 Nov 2026, 10:00 in Shanghai) and people to run commands as. The first person of a workspace becomes its admin.
 */
export function useCrm(options: { playbook?: string; start?: string; refreshChunk?: number } = {}): CrmFixture {
  const start = options.start ?? "2026-11-23T02:00:00Z";
  const fixture = {
    clock: {
      now: new Date(start),
      set(iso: string) {
        this.now = new Date(iso);
      },
      advanceDays(days: number) {
        this.now = new Date(this.now.getTime() + days * 86_400_000);
      },
    },
    person(userId, opts = {}) {
      const identity: Identity = {
        platform: opts.platform ?? "console",
        workspaceId: opts.workspace ?? "ws1",
        userId,
        displayName: userId,
        locale: opts.locale ?? "en",
        timeZone: opts.timeZone ?? "Asia/Shanghai",
      };
      return { identity, run: (line, dedupeKey) => fixture.crm.execute(identity, line, dedupeKey ? { dedupeKey } : {}) };
    },
  } as CrmFixture;
  beforeAll(async () => {
    fixture.db = await openTestDatabase();
    const playbook = await loadPlaybook(options.playbook);
    fixture.crm = createCrm({ prisma: fixture.db.prisma, playbook, clock: () => fixture.clock.now, ...(options.refreshChunk ? { refreshChunk: options.refreshChunk } : {}) });
  });
  // Every test starts at the same moment, whatever the previous one did to the clock.
  beforeEach(() => fixture.clock.set(start));
  afterAll(async () => {
    await fixture.crm?.idle();
    await fixture.db?.close();
  });
  return fixture;
}

/**
 * A selection customer of `person`, the way the default playbook lets one in ([000]: selection
 * follows an A-grade intention customer with an approved filing): added as an A-grade intention
 * customer, then moved into selection by the workspace's admin past the prerequisites
 * (`force=yes`, recorded as forced). For tests that need a selection customer, not a filing.
 */
export async function addSelection(fixture: CrmFixture, person: Person, line: string): Promise<number> {
  const n = await addAs(person, `${line} stage=intention grade=A`);
  const { workspaceId, platform } = person.identity;
  const admin = await fixture.db.prisma.user.findFirstOrThrow({ where: { role: "admin", workspace: { externalId: workspaceId, platform } }, orderBy: { createdAt: "asc" } });
  const director = fixture.person(admin.externalId, { workspace: workspaceId, platform });
  const moved = await director.run(`stage #${n} selection force=yes`);
  expect(moved.ok, moved.text).toBe(true);
  return n;
}

/** Runs an `add` that must succeed and returns the new customer's number. */
export async function addAs(person: Person, line: string): Promise<number> {
  const reply = await person.run(line);
  expect(reply.ok, reply.text).toBe(true);
  return Number(/#(\d+)/.exec(reply.text)![1]);
}
