import type { EChartsCoreOption } from "echarts/core";

/** Weekly lines (new, won, lost…) over the same weeks. */
export function trendChart(title: string, weeks: string[], lines: { name: string; values: number[]; color: string }[]): EChartsCoreOption {
  return {
    title: { text: title, left: "center", top: 16, textStyle: { fontSize: 20, fontWeight: "bold" } },
    legend: { top: 52, textStyle: { fontSize: 15 }, data: lines.map((l) => l.name) },
    grid: { top: 100, left: 60, right: 30, bottom: 50 },
    xAxis: { type: "category", data: weeks, axisLabel: { fontSize: 13 } },
    yAxis: { type: "value", minInterval: 1, axisLabel: { fontSize: 13 } },
    series: lines.map((l) => ({ type: "line", name: l.name, data: l.values, color: l.color, symbolSize: 7, lineStyle: { width: 3 }, label: { show: false } })),
  };
}
