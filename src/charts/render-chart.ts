import type { EChartsCoreOption } from "echarts/core";
import { CHART_FONT, registerChartFonts } from "./fonts.ts";

export interface ChartSize {
  width: number;
  height: number;
}

export const DEFAULT_CHART_SIZE: ChartSize = { width: 800, height: 480 };

/**
 * ECharts with only the charts and components drawn here, loaded at the first chart: the full
 * bundle takes seconds to import on a busy machine, and most processes (a job, a bot that is
 * never asked for a report) draw nothing.
 */
let loading: Promise<{ echarts: typeof import("echarts/core"); Canvas: typeof import("@napi-rs/canvas").Canvas }> | undefined;

function loadRenderer() {
  loading ??= (async () => {
    const [echarts, charts, components, renderers, canvas] = await Promise.all([
      import("echarts/core"), import("echarts/charts"), import("echarts/components"), import("echarts/renderers"), import("@napi-rs/canvas"),
    ]);
    echarts.use([charts.FunnelChart, charts.LineChart, charts.BarChart, components.TitleComponent, components.LegendComponent, components.GridComponent, renderers.CanvasRenderer]);
    await registerChartFonts();
    return { echarts, Canvas: canvas.Canvas };
  })();
  return loading;
}

/** Renders one ECharts option to a PNG on the server: no browser, no animation, the bundled CJK font. */
export async function renderChartPng(option: EChartsCoreOption, size: ChartSize = DEFAULT_CHART_SIZE): Promise<Buffer> {
  const { echarts, Canvas } = await loadRenderer();
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
