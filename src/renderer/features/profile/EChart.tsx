// One echarts chart on a canvas. Only the bar chart, the grid, the legend, mark areas and the tooltip are loaded, with the
// Canvas renderer: the SVG renderer (and HTML tooltips) write style attributes, which the app's
// Content-Security-Policy (style-src 'self') blocks. Colours come from chart-theme.ts.
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkAreaComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { ChartOption } from './chart-types';

// The legend and mark areas: the risk chart's before/after and its below-k band.
echarts.use([BarChart, GridComponent, LegendComponent, MarkAreaComponent, TooltipComponent, CanvasRenderer]);

export function EChart({ option, height, label }: { option: ChartOption; height: number; label: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const c = echarts.init(el, null, { renderer: 'canvas' });
    chart.current = c;
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(el);
    return () => {
      ro.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);
  return <div ref={ref} className="echart" role="img" aria-label={label} style={{ height }} />;
}
