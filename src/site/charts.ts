/**
 * Geometry of the horizontal bar charts on /programme/: one row per value, its label above
 * the bar so long Vietnamese names stay readable on a phone. Rendered as inline SVG by
 * components/BarChart.astro; no chart library reaches the browser. Pure logic.
 */
export interface BarDatum {
  label: string;
  value: number;
  /** The value as text (formatted for the locale). */
  valueText: string;
}

export interface BarRow extends BarDatum {
  labelY: number;
  barY: number;
  barWidth: number;
  valueX: number;
  valueY: number;
}

export interface BarChartLayout {
  width: number;
  height: number;
  barHeight: number;
  rows: BarRow[];
}

export const CHART = {
  width: 360,
  rowHeight: 44,
  labelSize: 14,
  barHeight: 16,
  padding: 4,
  valueGap: 6,
  valueRoom: 64,
} as const;

export function barChartLayout(data: readonly BarDatum[]): BarChartLayout {
  const max = Math.max(0, ...data.map((d) => d.value));
  const room = CHART.width - CHART.valueRoom;
  const rows = data.map((d, i) => {
    const top = CHART.padding + i * CHART.rowHeight;
    const barWidth = max === 0 ? 0 : Math.max(d.value > 0 ? 2 : 0, Math.round((d.value / max) * room));
    const barY = top + CHART.labelSize + 6;
    return {
      ...d,
      labelY: top + CHART.labelSize,
      barY,
      barWidth,
      valueX: barWidth + CHART.valueGap,
      valueY: barY + CHART.barHeight - 3,
    };
  });
  return {
    width: CHART.width,
    height: CHART.padding * 2 + data.length * CHART.rowHeight,
    barHeight: CHART.barHeight,
    rows,
  };
}
