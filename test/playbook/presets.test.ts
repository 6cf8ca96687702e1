import { describe, expect, it } from "vitest";
import { fileURLToPath } from "node:url";
import { TOUCH_CHANNELS } from "../../src/domain/channels.ts";
import { listPresets, loadPlaybook } from "../../src/playbook/load-playbook.ts";

const SHIPPED = ["dealer-4s", "default", "opportunity-pipeline"];

describe("shipped presets", () => {
  it("lists every YAML file in playbooks/", async () => {
    expect(await listPresets()).toEqual(SHIPPED);
  });

  it.each(SHIPPED)("%s loads and validates, with every name in both languages", async (name) => {
    const playbook = await loadPlaybook(name);
    expect(playbook.id).toBe(name);
    const texts = [
      playbook.name,
      ...playbook.stages.flatMap((s) => [s.name, ...s.grades.flatMap((g) => [g.name, g.criterion])]),
      ...playbook.lostReasons.map((r) => r.name),
    ];
    for (const text of texts) {
      expect(text.en.trim()).not.toBe("");
      expect(text.zh).toMatch(/\p{Script=Han}/u);
    }
    expect(playbook.stages.filter((s) => s.kind === "won")).toHaveLength(1);
    expect(playbook.stages.filter((s) => s.kind === "lost")).toHaveLength(1);
  });

  it("undefined means the default preset", async () => {
    expect((await loadPlaybook(undefined)).id).toBe("default");
  });

  it("loads a preset by path too, relative or absolute", async () => {
    const absolute = fileURLToPath(new URL("../../playbooks/dealer-4s.yaml", import.meta.url));
    expect((await loadPlaybook(absolute)).id).toBe("dealer-4s");
    // Relative paths are the admin's, so they resolve from the working directory (the repo here).
    expect((await loadPlaybook("playbooks/opportunity-pipeline.yaml")).id).toBe("opportunity-pipeline");
  });
});

describe("the default playbook is DOMAIN.md §2–4", async () => {
  const playbook = await loadPlaybook("default");
  const stage = (id: string) => playbook.stages.find((s) => s.id === id)!;

  it("has the funnel in order, with Chinese names and aliases", () => {
    expect(playbook.stages.map((s) => [s.id, s.kind, s.name.zh])).toEqual([
      ["potential", "open", "潜在客户"],
      ["intention", "open", "意向客户"],
      ["selection", "open", "选型客户"],
      ["won", "won", "成交客户"],
      ["lost", "lost", "战败/流失"],
    ]);
    expect(stage("potential").aliases).toContain("潜在");
    expect(stage("intention").aliases).toContain("意向");
    expect(stage("selection").aliases).toContain("选型");
    expect(stage("won").aliases).toContain("成交");
    expect(stage("lost").aliases).toEqual(expect.arrayContaining(["战败", "流失"]));
    expect(playbook.defaultStage).toBe("potential");
  });

  it("grades potential A–D and intention A–B, defaulting to the last", () => {
    expect(stage("potential").grades.map((g) => g.id)).toEqual(["A", "B", "C", "D"]);
    expect(stage("potential").defaultGrade).toBe("D");
    expect(stage("intention").grades.map((g) => g.id)).toEqual(["A", "B"]);
    expect(stage("intention").defaultGrade).toBe("B");
  });

  it("has the director track A-grade intention and every selection customer", () => {
    expect(stage("intention").trackedGrades).toEqual(["A"]);
    expect(stage("selection").tracked).toBe(true);
    expect(stage("potential").tracked).toBe(false);
  });

  it("requires the §4 filing fields and a substantive call log", () => {
    expect([...playbook.filing.required].sort()).toEqual(["address", "company", "contact", "mobile", "province", "title"]);
    expect(playbook.filing.callLog).toEqual({ channels: ["call", "visit"], minChars: 24 });
  });

  it("uses only touch channels in its cadences", () => {
    const channels = playbook.stages.flatMap((s) => [s.cadence, ...s.grades.map((g) => g.cadence)]).flatMap(Object.keys);
    for (const channel of channels) expect(TOUCH_CHANNELS).toContain(channel);
  });
});

describe("the 4S dealer playbook (seed 001)", async () => {
  const playbook = await loadPlaybook("dealer-4s");

  it("grades intention H/A/B/C, has O as the ordered stage and tracks H and orders", () => {
    const intention = playbook.stages[0]!;
    expect(intention.grades.map((g) => g.id)).toEqual(["H", "A", "B", "C"]);
    expect(intention.trackedGrades).toEqual(["H"]);
    expect(playbook.stages.map((s) => s.id)).toEqual(["intention", "ordered", "delivered", "lost"]);
    expect(playbook.stages[1]!.aliases).toContain("O级");
    expect(playbook.stages[1]!.tracked).toBe(true);
  });

  it("has the seed's 13 lost-deal reasons", () => {
    expect(playbook.lostReasons.map((r) => r.name.zh)).toEqual([
      "品牌", "价格", "外观", "内饰", "配置", "动力及操控", "质量",
      "态度不热情", "服务不到位", "报价不合理", "介绍不专业", "跟进不及时", "承诺不兑现",
    ]);
  });

  it("runs the loyalty cycle after delivery as offsets: 3, 7, 14 (mail), 1–12 months, then quarterly to 5 years", () => {
    const cadence = playbook.stages.find((s) => s.kind === "won")!.cadence;
    expect(cadence.call?.at?.slice(0, 7)).toEqual([3, 7, 30, 90, 180, 270, 365]);
    expect(cadence.call?.at?.at(-1)).toBe(1825);
    expect(cadence.sms?.at).toEqual([14]);
  });
});

describe("the opportunity pipeline (seed 004)", async () => {
  const playbook = await loadPlaybook("opportunity-pipeline");

  it("runs opportunity → first meeting → valid prospect 1/2/3 → won", () => {
    expect(playbook.stages.map((s) => s.id)).toEqual([
      "opportunity", "meeting", "prospect1", "prospect2", "prospect3", "won", "lost",
    ]);
    expect(playbook.stages.filter((s) => s.tracked).map((s) => s.id)).toEqual(["prospect2", "prospect3"]);
  });
});
