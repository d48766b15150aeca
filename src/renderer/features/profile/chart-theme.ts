// The charts' colours, read from the theme's CSS variables (light or dark), again whenever the
// colour scheme changes.
import { useEffect, useState } from 'react';
import type { ChartColors } from './chart-types';

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

