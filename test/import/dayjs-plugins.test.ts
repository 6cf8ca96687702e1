import "exceljs";
import { describe, expect, it } from "vitest";
import { previousLocalWeek } from "../../src/format/dates.ts";

describe("exceljs loaded in the same process", () => {
  it("leaves the weekly summary's ISO week intact (it installs dayjs's customParseFormat globally)", () => {
    expect(previousLocalWeek(new Date("2026-11-30T02:00:00Z"), "Asia/Shanghai").period).toBe("2026-W48");
    expect(previousLocalWeek(new Date("2027-01-04T02:00:00Z"), "Asia/Shanghai").period).toBe("2026-W53");
  });
});
