import type { EChartsCoreOption } from "echarts/core";

const COLORS = ["#3b6fd8", "#4aa3df", "#f0a040", "#3fae6a", "#9b8bd6", "#d66b6b"];

/**
 * The funnel as a pyramid of bands, top stage first. The bands narrow by rank, not by count: a
 * stage of 2 beside one of 2,000 must still be a readable band, and a pipeline that is not a
 * pyramid must still look like the funnel it is measured against. The labels carry the counts.
 */
export function funnelChart(title: string, stages: { label: string; value: number }[]): EChartsCoreOption {
  return {
    color: COLORS,
    title: { text: title, left: "center", top: 16, textStyle: { fontSize: 20, fontWeight: "bold" } },
    series: [{
      type: "funnel",
      sort: "none",
      top: 70, bottom: 30, left: "10%", width: "80%",
      min: 0, max: stages.length, minSize: "20%", maxSize: "100%", gap: 4,
      label: { show: true, position: "inside", fontSize: 18, color: "#ffffff", formatter: "{b}" },
      data: stages.map((s, i) => ({ name: `${s.label}  ${s.value}`, value: stages.length - i })),
    }],
  };
}
