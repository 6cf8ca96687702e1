import { describe, expect, it } from "vitest";
import { touchesFromJson } from "../../src/customers/cadence-store.ts";

// What the touches statement returns (json_agg of channel, lastAt, count), as the cadence engine
// reads it: one entry per touch channel, in the channels' order, untouched ones included.
describe("reading the touches statement's JSON", () => {
  it("gives every channel, with the last touch as a UTC instant and the count since the stage was entered", () => {
    const json = [
      { channel: "sms", lastAt: "2026-11-20T03:04:05.678", count: 2 },
      { channel: "call", lastAt: "2026-11-21T01:00:00", count: "3" }, // a count may come as text (bigint)
    ];
    expect(touchesFromJson(json)).toEqual([
      { channel: "call", lastAt: new Date("2026-11-21T01:00:00Z"), countSinceStageEntered: 3 },
      { channel: "sms", lastAt: new Date("2026-11-20T03:04:05.678Z"), countSinceStageEntered: 2 },
      { channel: "visit", lastAt: null, countSinceStageEntered: 0 },
      { channel: "email", lastAt: null, countSinceStageEntered: 0 },
      { channel: "wechat", lastAt: null, countSinceStageEntered: 0 },
    ]);
  });

  it("reads a timestamp without a zone as UTC whatever the process's own zone", () => {
    // A zone-less date string is local time to JavaScript: in Los Angeles this would be 8 hours off.
    const zone = process.env.TZ;
    process.env.TZ = "America/Los_Angeles";
    try {
      const [call] = touchesFromJson([{ channel: "call", lastAt: "2026-11-21T01:00:00", count: 1 }]);
      expect(call!.lastAt).toEqual(new Date(Date.UTC(2026, 10, 21, 1)));
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it("reads the same from the JSON as text", () => {
    const text = '[{"channel":"visit","lastAt":"2026-11-19T08:30:00","count":1}]';
    expect(touchesFromJson(text)[2]).toEqual({ channel: "visit", lastAt: new Date("2026-11-19T08:30:00Z"), countSinceStageEntered: 1 });
  });

  it("keeps a zone the timestamp already names", () => {
    const json = [
      { channel: "call", lastAt: "2026-11-21T09:00:00+08:00", count: 1 },
      { channel: "sms", lastAt: "2026-11-21T09:00:00+0800", count: 1 },
      { channel: "email", lastAt: "2026-11-21T01:00:00Z", count: 1 },
      { channel: "wechat", lastAt: "2026-11-20T20:00:00-05:00", count: 1 },
    ];
    const lastAt = touchesFromJson(json).map((t) => t.lastAt?.toISOString() ?? null);
    expect(lastAt).toEqual(["2026-11-21T01:00:00.000Z", "2026-11-21T01:00:00.000Z", null, "2026-11-21T01:00:00.000Z", "2026-11-21T01:00:00.000Z"]);
  });

  it("reads no touches at all (json_agg of no rows is NULL) as every channel untouched", () => {
    const untouched = ["call", "sms", "visit", "email", "wechat"].map((channel) => ({ channel, lastAt: null, countSinceStageEntered: 0 }));
    expect(touchesFromJson(null)).toEqual(untouched);
    expect(touchesFromJson(undefined)).toEqual(untouched);
  });

  it("counts a channel touched only before the stage was entered as touched, with a count of 0", () => {
    const json = [{ channel: "call", lastAt: "2026-11-01T02:00:00", count: 0 }];
    expect(touchesFromJson(json)[0]).toEqual({ channel: "call", lastAt: new Date("2026-11-01T02:00:00Z"), countSinceStageEntered: 0 });
  });
});
