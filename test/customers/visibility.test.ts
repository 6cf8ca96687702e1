import { describe, expect, it } from "vitest";
import type { Caller } from "../../src/crm/caller.ts";
import { isVisibleTo, visibleCustomers } from "../../src/customers/visibility.ts";

/** Only the fields the rule reads; the rest of a caller plays no part in it. */
const caller = (role: string) => ({ user: { id: "u-rep", role }, workspace: { id: "w1" } }) as unknown as Caller;
const row = (extra: { workspaceId?: string; ownerId?: string; pooledAt?: Date | null } = {}) => ({
  workspaceId: "w1", ownerId: "u-rep", pooledAt: null, ...extra,
});

describe("who sees a customer", () => {
  it("a rep: their own customers of their workspace, not in the pool", () => {
    expect(isVisibleTo(caller("rep"), row())).toBe(true);
    expect(isVisibleTo(caller("rep"), row({ ownerId: "u-other" }))).toBe(false);
    expect(isVisibleTo(caller("rep"), row({ pooledAt: new Date("2026-01-01") }))).toBe(false);
    expect(isVisibleTo(caller("rep"), row({ workspaceId: "w2" }))).toBe(false);
    expect(visibleCustomers(caller("rep"))).toEqual({ workspaceId: "w1", ownerId: "u-rep", pooledAt: null });
  });

  it("a director or an admin: every customer of their workspace, pooled or not", () => {
    for (const role of ["director", "admin"]) {
      expect(isVisibleTo(caller(role), row({ ownerId: "u-other", pooledAt: new Date("2026-01-01") }))).toBe(true);
      expect(isVisibleTo(caller(role), row({ workspaceId: "w2" }))).toBe(false);
      expect(visibleCustomers(caller(role))).toEqual({ workspaceId: "w1" });
    }
  });
});
