import type { EChartsCoreOption } from "echarts/core";

/** Grouped horizontal bars, one group per person, one bar per measure. */
export function groupedBarChart(title: string, categories: string[], bars: { name: string; values: number[]; color: string }[]): EChartsCoreOption {
  return {
    title: { text: title, left: "center", top: 16, textStyle: { fontSize: 20, fontWeight: "bold" } },
    legend: { top: 52, textStyle: { fontSize: 15 }, data: bars.map((b) => b.name) },
    grid: { top: 100, left: 110, right: 40, bottom: 30 },
    xAxis: { type: "value", minInterval: 1, axisLabel: { fontSize: 13 } },
    yAxis: { type: "category", data: categories, inverse: true, axisLabel: { fontSize: 15 } },
    series: bars.map((b) => ({ type: "bar", name: b.name, data: b.values, color: b.color, label: { show: true, position: "right", fontSize: 12 } })),
  };
}
