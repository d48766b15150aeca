// One echarts chart on a canvas. Only the bar chart, the grid and the tooltip are loaded, with the
// Canvas renderer: the SVG renderer (and HTML tooltips) write style attributes, which the app's
// Content-Security-Policy (style-src 'self') blocks. Colours follow the light or dark theme.
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef, useState } from 'react';

echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

export type ChartOption = echarts.EChartsCoreOption;

export interface ChartColors {
  text: string;
  muted: string;
  faint: string;
  line: string;
  accent: string;
  danger: string;
  warning: string;
  success: string;
  raised: string;
  font: string;
}

function readColors(): ChartColors {
  const css = getComputedStyle(document.documentElement);
  const v = (name: string) => css.getPropertyValue(name).trim();
  return {
    text: v('--text'),
    muted: v('--text-muted'),
    faint: v('--text-faint'),
    line: v('--border'),
    accent: v('--accent'),
    danger: v('--danger'),
    warning: v('--warning'),
    success: v('--success'),
    raised: v('--bg-raised'),
    font: v('--font-ui'),
  };
}

/** The theme's colours, read from the CSS variables, again whenever the colour scheme changes. */
export function useChartColors(): ChartColors {
  const [colors, setColors] = useState(readColors);
  useEffect(() => {
    const mq = window.matchMedia('(prefers-color-scheme: dark)');
    const onChange = () => setColors(readColors());
    mq.addEventListener('change', onChange);
    return () => mq.removeEventListener('change', onChange);
  }, []);
  return colors;
}

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
