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
export function useCrm(options: { playbook?: string; start?: string } = {}): CrmFixture {
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
    fixture.crm = createCrm({ prisma: fixture.db.prisma, playbook, clock: () => fixture.clock.now });
  });
  // Every test starts at the same moment, whatever the previous one did to the clock.
  beforeEach(() => fixture.clock.set(start));
  afterAll(async () => {
    await fixture.db?.close();
  });
  return fixture;
}

/** Runs an `add` that must succeed and returns the new customer's number. */
export async function addAs(person: Person, line: string): Promise<number> {
  const reply = await person.run(line);
  expect(reply.ok, reply.text).toBe(true);
  return Number(/#(\d+)/.exec(reply.text)![1]);
}
