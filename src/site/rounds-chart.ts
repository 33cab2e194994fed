/**
 * Geometry of the paired bar chart on /programme/: per round, the official figure above and the
 * catalogue's figure below, both on one scale (the largest of either), so a catalogue holding
 * more than the official count draws a longer bar and never runs out of the chart. Rendered as
 * inline SVG by components/RoundsChart.astro; no script reaches the browser. Pure logic.
 */
export interface PairedDatum {
  label: string;
  /** Undefined: not published; no bar, only its text. */
  official: number | undefined;
  catalogue: number;
  officialText: string;
  catalogueText: string;
}

export interface PairedBar {
  y: number;
  width: number;
  textX: number;
  textY: number;
  text: string;
}

export interface PairedRow {
  label: string;
  labelY: number;
  official: PairedBar;
  catalogue: PairedBar;
}

export interface PairedChartLayout {
  width: number;
  height: number;
  barHeight: number;
  rows: PairedRow[];
}

export const PAIRED_CHART = {
  width: 420,
  padding: 4,
  labelSize: 14,
  barHeight: 12,
  barGap: 3,
  rowGap: 16,
  valueGap: 6,
  /** Room right of the longest bar for its text ("not yet published", "212 (128.6%)"). */
  valueRoom: 140,
} as const;

const C = PAIRED_CHART;
const ROW_HEIGHT = C.labelSize + 6 + 2 * C.barHeight + C.barGap + C.rowGap;

function bar(value: number | undefined, max: number, y: number, text: string): PairedBar {
  const room = C.width - C.valueRoom;
  const width =
    value === undefined || max === 0 ? 0 : Math.max(value > 0 ? 2 : 0, Math.round((value / max) * room));
  return { y, width, textX: width + C.valueGap, textY: y + C.barHeight - 2, text };
}

export function pairedChartLayout(data: readonly PairedDatum[]): PairedChartLayout {
  const max = Math.max(0, ...data.flatMap((d) => [d.official ?? 0, d.catalogue]));
  const rows = data.map((d, i) => {
    const top = C.padding + i * ROW_HEIGHT;
    const officialY = top + C.labelSize + 6;
    const catalogueY = officialY + C.barHeight + C.barGap;
    return {
      label: d.label,
      labelY: top + C.labelSize,
      official: bar(d.official, max, officialY, d.officialText),
      catalogue: bar(d.catalogue, max, catalogueY, d.catalogueText),
    };
  });
  return {
    width: C.width,
    height: C.padding * 2 + data.length * ROW_HEIGHT - C.rowGap,
    barHeight: C.barHeight,
    rows,
  };
}
