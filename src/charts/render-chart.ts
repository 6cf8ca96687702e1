import { Canvas } from "@napi-rs/canvas";
import * as echarts from "echarts";
import { CHART_FONT, registerChartFonts } from "./fonts.ts";

export interface ChartSize {
  width: number;
  height: number;
}

export const DEFAULT_CHART_SIZE: ChartSize = { width: 800, height: 480 };

/** Renders one ECharts option to a PNG on the server: no browser, no animation, the bundled CJK font. */
export async function renderChartPng(option: echarts.EChartsCoreOption, size: ChartSize = DEFAULT_CHART_SIZE): Promise<Buffer> {
  registerChartFonts();
  const canvas = new Canvas(size.width, size.height);
  // ECharts types its init for a DOM element; a node canvas is what its server-side path accepts.
  const chart = echarts.init(canvas as unknown as HTMLElement, null, { width: size.width, height: size.height });
  try {
    chart.setOption({
      animation: false,
      backgroundColor: "#ffffff",
      textStyle: { fontFamily: CHART_FONT },
      ...option,
    });
    return await canvas.encode("png");
  } finally {
    chart.dispose();
  }
}
