import { loadImage } from "@napi-rs/canvas";
import { Canvas } from "@napi-rs/canvas";
import { describe, expect, it } from "vitest";
import { funnelChart } from "../../src/charts/funnel-chart.ts";
import { renderChartPng } from "../../src/charts/render-chart.ts";
import { loadPlaybook } from "../../src/playbook/load-playbook.ts";
import { funnelPng } from "../../src/reports/report-charts.ts";

/** The pixels of a horizontal band of a PNG, to compare what was drawn there. */
async function band(png: Buffer, top: number, height: number) {
  const image = await loadImage(png);
  const canvas = new Canvas(image.width, image.height);
  const ctx = canvas.getContext("2d");
  ctx.drawImage(image, 0, 0);
  return { image, pixels: ctx.getImageData(0, top, image.width, height).data };
}

const darkPixels = (pixels: Uint8ClampedArray) => {
  let n = 0;
  for (let i = 0; i < pixels.length; i += 4) if (pixels[i]! < 128 && pixels[i + 1]! < 128 && pixels[i + 2]! < 128) n++;
  return n;
};

describe("charts as PNG", () => {
  it("renders a real PNG of the expected size", async () => {
    const playbook = await loadPlaybook("default");
    const file = await funnelPng(playbook, [{ stage: "potential", total: 100 }, { stage: "intention", total: 10 }, { stage: "selection", total: 4 }, { stage: "won", total: 2 }], "销售漏斗", "zh-CN");
    expect(file).toMatchObject({ name: "funnel.png", mimeType: "image/png" });
    expect(file.data.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const { image } = await band(file.data, 0, 1);
    expect([image.width, image.height]).toEqual([800, 480]);
    expect(file.data.length).toBeGreaterThan(5_000);
    expect(file.data.length).toBeLessThan(300_000);
  });

  it("draws Chinese labels with the bundled font: different words give different glyphs, not the same boxes", async () => {
    // Without a CJK font every character is the same empty box (or nothing): two titles would match.
    const title = async (text: string) => (await band(await renderChartPng({ title: { text, left: "center", top: 16, textStyle: { fontSize: 24 } } }), 10, 40)).pixels;
    const [a, b] = [await title("潜在客户"), await title("成交客户")];
    expect(darkPixels(a)).toBeGreaterThan(150);
    expect(darkPixels(b)).toBeGreaterThan(150);
    let differing = 0;
    for (let i = 0; i < a.length; i += 4) if (a[i] !== b[i]) differing++;
    expect(differing).toBeGreaterThan(100);
  });

  it("labels every funnel band with its stage and count", async () => {
    const png = await renderChartPng(funnelChart("漏斗", [{ label: "潜在客户", value: 3 }, { label: "成交客户", value: 1 }]));
    // The first band's label is white text on the blue band: the band must not be one flat colour.
    const { pixels } = await band(png, 90, 60);
    const colours = new Set<number>();
    for (let i = 0; i < pixels.length; i += 4) colours.add((pixels[i]! << 16) | (pixels[i + 1]! << 8) | pixels[i + 2]!);
    expect(colours.size).toBeGreaterThan(20);
  });
});
