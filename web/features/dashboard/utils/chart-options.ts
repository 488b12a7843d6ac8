// ECharts options of the dashboard's charts, built from the counts of `GET /api/v1/stats`.
// Pure functions: the component only registers the chart types and renders.
import type { BarSeriesOption, PieSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import type { Grade, Kind, Sector } from '../../../../shared/contracts/enums.ts';
import type { Stats } from '../../../../shared/contracts/stats.ts';

export type ChartOption = ComposeOption<
  BarSeriesOption | PieSeriesOption | GridComponentOption | TooltipComponentOption | LegendComponentOption
>;

/** How the charts write their words and numbers, in the reader's language. */
export interface ChartText<K extends string> {
  label: (key: K) => string;
  count: (n: number) => string;
}

export const FONT_FAMILY = "'Inter', 'Segoe UI', 'Roboto', 'Noto Sans', Arial, sans-serif";

export const GRADE_COLORS: Record<Grade, string> = {
  good: '#2b8a3e',
  fair: '#74b816',
  average: '#f59f00',
  weak: '#e03131',
  unrated: '#ced4da',
};
export const KIND_COLORS: Record<Kind, string> = { HTX: '#0c8070', THT: '#53b5a4', LHHTX: '#1971c2' };
export type StatusKey = keyof Stats['organizations']['byStatus'];
export const STATUS_COLORS: Record<StatusKey, string> = { active: '#2b8a3e', suspended: '#f08c00' };
const BAR_COLOR = '#1a907e';

const base = {
  animationDuration: 300,
  textStyle: { fontFamily: FONT_FAMILY },
  tooltip: { confine: true, textStyle: { fontFamily: FONT_FAMILY } },
} satisfies ChartOption;

interface Slice<K extends string> {
  key: K;
  value: number;
}

function slices<K extends string>(counts: Record<K, number>): Slice<K>[] {
  return (Object.keys(counts) as K[]).map((key) => ({ key, value: counts[key] }));
}

/** Horizontal bars, the largest on top; long sector names wrap instead of being cut. */
export function sectorBarOption(bySector: Record<Sector, number>, text: ChartText<Sector>): ChartOption {
  // a category axis draws its first item at the bottom
  const items = slices(bySector).sort((a, b) => a.value - b.value);
  return {
    ...base,
    tooltip: {
      ...base.tooltip,
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: countFormatter(text),
    },
    grid: { left: 4, right: 48, top: 8, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    xAxis: { type: 'value', minInterval: 1, axisLabel: { show: false }, splitLine: { show: false } },
    yAxis: {
      type: 'category',
      data: items.map((item) => text.label(item.key)),
      axisTick: { show: false },
      axisLine: { show: false },
      axisLabel: { width: 150, overflow: 'break', lineHeight: 14, color: '#495057' },
    },
    series: [
      {
        type: 'bar',
        data: items.map((item) => item.value),
        barMaxWidth: 18,
        itemStyle: { color: BAR_COLOR, borderRadius: [0, 4, 4, 0] },
        label: { show: true, position: 'right', formatter: ({ value }) => text.count(Number(value)) },
      },
    ],
  };
}

/** A ring with one slice per key in its fixed colour; empty slices are left out of the ring, not the legend. */
export function donutOption<K extends string>(
  counts: Record<K, number>,
  colors: Record<K, string>,
  text: ChartText<K>,
): ChartOption {
  const items = slices(counts);
  return {
    ...base,
    tooltip: {
      ...base.tooltip,
      trigger: 'item',
      formatter: (params) => {
        const { name, value, percent } = params as { name: string; value: number; percent: number };
        return `${name}: <b>${text.count(value)}</b> (${text.count(Math.round(percent))}%)`;
      },
    },
    legend: { bottom: 0, left: 'center', icon: 'circle', itemWidth: 10, itemHeight: 10, itemGap: 12 },
    series: [
      {
        type: 'pie',
        radius: ['48%', '72%'],
        center: ['50%', '42%'],
        avoidLabelOverlap: true,
        label: { show: false },
        itemStyle: { borderColor: '#fff', borderWidth: 2 },
        data: items.map((item) => ({
          name: text.label(item.key),
          value: item.value,
          itemStyle: { color: colors[item.key] },
        })),
      },
    ],
  };
}

/** Vertical bars in a fixed order (the order of the contract's enumeration), each in its own colour. */
export function columnOption<K extends string>(
  counts: Record<K, number>,
  colors: Record<K, string>,
  text: ChartText<K>,
): ChartOption {
  const items = slices(counts);
  return {
    ...base,
    tooltip: {
      ...base.tooltip,
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: countFormatter(text),
    },
    grid: { left: 8, right: 8, top: 24, bottom: 4, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    xAxis: {
      type: 'category',
      data: items.map((item) => text.label(item.key)),
      axisTick: { show: false },
      axisLabel: { interval: 0, width: 96, overflow: 'break', lineHeight: 14, color: '#495057' },
    },
    yAxis: {
      type: 'value',
      minInterval: 1,
      axisLabel: { show: false },
      splitLine: { lineStyle: { color: '#f1f3f5' } },
    },
    series: [
      {
        type: 'bar',
        barMaxWidth: 44,
        data: items.map((item) => ({
          value: item.value,
          itemStyle: { color: colors[item.key], borderRadius: [4, 4, 0, 0] },
        })),
        label: { show: true, position: 'top', formatter: ({ value }) => text.count(Number(value)) },
      },
    ],
  };
}

/** "Nông nghiệp: 199; Xây dựng: 17; …": what a chart shows, for screen readers. */
export function chartSummary<K extends string>(counts: Record<K, number>, text: ChartText<K>): string {
  return slices(counts)
    .map((item) => `${text.label(item.key)}: ${text.count(item.value)}`)
    .join('; ');
}

function countFormatter<K extends string>(text: ChartText<K>) {
  return (value: unknown) => text.count(Number(value));
}
