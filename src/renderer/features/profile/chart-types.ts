// The charts' option type and the theme colours they are drawn in (types only: no DOM here).
import type { EChartsCoreOption } from 'echarts/core';

export type ChartOption = EChartsCoreOption;

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
