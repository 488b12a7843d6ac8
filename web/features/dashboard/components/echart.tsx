import { useReducedMotion } from '@mantine/hooks';
import EChartsReactModule from 'echarts-for-react/esm/core.js';
import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import type { ChartOption } from '../utils/chart-options.ts';

// Only what the dashboard draws, so the bundle stays small (stack.md §8).
echarts.use([BarChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

// The package ships ES modules without "type": "module": TypeScript (NodeNext) reads the default
// export as a CommonJS module object, while Vite loads the real ES module, whose default is the component.
const ReactECharts = EChartsReactModule as unknown as typeof EChartsReactModule.default;

interface EChartProps {
  option: ChartOption;
  height: number;
  /** what the chart shows, in words, for screen readers */
  label: string;
}

export function EChart({ option, height, label }: EChartProps) {
  // a reader who asked the system for less motion gets each chart drawn at once (WCAG 2.3.3);
  // read on the first render, so no animation starts before the answer
  const still = useReducedMotion(false, { getInitialValueInEffect: false });
  return (
    <div role="img" aria-label={label}>
      <ReactECharts
        echarts={echarts}
        option={still ? { ...option, animation: false } : option}
        notMerge
        style={{ height, width: '100%' }}
      />
    </div>
  );
}
