import { describe, expect, it } from "vitest";
import type { Locale } from "../../src/domain/localized.ts";
import { loadPlaybook } from "../../src/playbook/load-playbook.ts";
import { card, type Reply, type ReplyFile } from "../../src/reply.ts";
import { funnelPng } from "../../src/reports/report-charts.ts";
import { targetCard, withWeeklyExtras, type TargetProgress } from "../../src/reports/weekly-extras.ts";
import type { WeeklySummary } from "../../src/reports/weekly-summary.ts";

// What the weekly summary carries beyond its cards, from figures given by hand: the month's lead
// target as a card, and the funnel as a PNG drawn once per language.

const target = (): TargetProgress => ({
  month: "2026-12", salesTarget: 600_000, averageDeal: 40_000, conversionRate: 1 / 3, revenue: 45_000,
  sources: [],
  progress: [
    { source: "展会", share: 0.4, needed: 18, current: 1, gap: 17 },
    // 45 × 0.6 in floating point is a hair above 27: still 27 leads needed.
    { source: "", share: 0.6, needed: 27.000000000000004, current: 0, gap: 27 },
  ],
});

const funnel: WeeklySummary["funnel"] = [{ stage: "potential", total: 9, grades: [] }, { stage: "won", total: 1, grades: [] }];

describe("the weekly summary's extras", () => {
  it("show the month's lead target: the sales target against the revenue so far, and each source's need", () => {
    expect(targetCard(target(), "en")).toEqual(card("Lead target for 2026-12", {
      subtitle: "Sales target ¥600,000 · revenue so far ¥45,000",
      sections: [{ title: "", items: ["展会 (40.0%): need 18, in 1, gap 17", "(no source recorded) (60.0%): need 27, in 0, gap 27"] }],
    }));
    expect(targetCard(target(), "zh-CN")).toEqual(card("2026-12 客源目标", {
      subtitle: "销售目标 ¥600,000 · 目前销售额 ¥45,000",
      sections: [{ title: "", items: ["展会（40.0%）：需要 18，已有 1，缺口 17", "（未填来源）（60.0%）：需要 27，已有 0，缺口 27"] }],
    }));
  });

  it("add the target card after the summary's cards, and the funnel chart titled in the reader's language, drawn once per language", async () => {
    const playbook = await loadPlaybook("default");
    const summary = { funnel } as WeeklySummary;
    const reply: Reply = { ok: true, ephemeral: false, locale: "en", text: "Weekly summary", cards: [card("Funnel now")] };
    const charts = new Map<Locale, Promise<ReplyFile>>();

    const first = await withWeeklyExtras(reply, summary, playbook, "en", target(), charts);
    expect(first).toMatchObject({ ok: true, ephemeral: false, locale: "en", text: "Weekly summary" });
    expect(first.cards).toEqual([card("Funnel now"), targetCard(target(), "en")]);
    expect(first.files).toHaveLength(1);
    const expected = await funnelPng(playbook, funnel, "Funnel now", "en");
    expect(first.files![0]!.name).toBe("funnel.png");
    expect(first.files![0]!.data.equals(expected.data)).toBe(true);
    expect([...charts.keys()]).toEqual(["en"]);

    // The next English reader gets the same file; without a target, the cards as they were.
    const second = await withWeeklyExtras(reply, summary, playbook, "en", null, charts);
    expect(second.files![0]).toBe(first.files![0]);
    expect(second.cards).toEqual([card("Funnel now")]);

    const zh = await withWeeklyExtras({ ...reply, locale: "zh-CN" }, summary, playbook, "zh-CN", null, charts);
    expect([...charts.keys()]).toEqual(["en", "zh-CN"]);
    expect(zh.files![0]!.data.equals((await funnelPng(playbook, funnel, "当前客户漏斗", "zh-CN")).data)).toBe(true);
    expect(zh.files![0]!.data.equals(expected.data)).toBe(false);
  });
});
