import { describe, expect, it } from "vitest";
import { readHeldDue } from "../../src/customers/held-due.ts";

// `Customer.heldDue` is JSON written by the app; anything in it the engine cannot read is no hold
// (a hold that is not there only makes a channel due sooner, never hides one).
describe("reading the stored held-due channels", () => {
  it("reads each entry's channel and dates", () => {
    const stored = [
      { channel: "sms", dueAt: "2026-11-30T00:00:00.000Z", overdueAt: "2026-12-03T00:00:00.000Z" },
      { channel: "wechat", dueAt: "2026-12-01T02:00:00.000Z", overdueAt: "2026-12-04T02:00:00.000Z" },
    ];
    expect(readHeldDue(stored)).toEqual([
      { channel: "sms", dueAt: new Date("2026-11-30T00:00:00Z"), overdueAt: new Date("2026-12-03T00:00:00Z") },
      { channel: "wechat", dueAt: new Date("2026-12-01T02:00:00Z"), overdueAt: new Date("2026-12-04T02:00:00Z") },
    ]);
  });

  it("reads nothing from a value that is not a list", () => {
    const one = { channel: "call", dueAt: "2026-11-30T00:00:00.000Z", overdueAt: "2026-12-03T00:00:00.000Z" };
    expect(readHeldDue(one)).toEqual([]);
    expect(readHeldDue(null)).toEqual([]);
    expect(readHeldDue("call")).toEqual([]);
  });

  it("skips an entry whose channel is not a touch, keeping the others", () => {
    const good = { channel: "call", dueAt: "2026-11-30T00:00:00.000Z", overdueAt: "2026-12-03T00:00:00.000Z" };
    const stored = [
      { ...good, channel: "note" }, // recorded, but never a touch
      { ...good, channel: "fax" },
      { ...good, channel: 1 },
      null,
      good,
    ];
    expect(readHeldDue(stored)).toEqual([{ channel: "call", dueAt: new Date("2026-11-30T00:00:00Z"), overdueAt: new Date("2026-12-03T00:00:00Z") }]);
  });

  it("skips an entry with a date that cannot be read, whichever of the two it is", () => {
    const good = { channel: "call", dueAt: "2026-11-30T00:00:00.000Z", overdueAt: "2026-12-03T00:00:00.000Z" };
    expect(readHeldDue([{ ...good, dueAt: "next week" }])).toEqual([]);
    expect(readHeldDue([{ ...good, overdueAt: "soon" }])).toEqual([]);
    expect(readHeldDue([{ channel: "call", dueAt: "2026-11-30T00:00:00.000Z" }])).toEqual([]);
  });
});
