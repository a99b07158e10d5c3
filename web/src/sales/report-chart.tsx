/**
 * One ECharts chart of the sales reports, drawn as SVG. Only the bar and line charts, grid, tooltip and
 * legend are bundled (tree-shaken `echarts/core`); the report pages, which import this, load on first
 * visit.
 */
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { Card, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

/** The option a report page builds for its chart. */
export type ReportChartOption = echarts.EChartsCoreOption;

/** Draws `option`, redrawing when it changes and following the window's width. */
export function ReportChart({
  option,
  height = 320,
  testId,
}: {
  option: ReportChartOption;
  height?: number;
  testId: string;
}) {
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!element.current) return;
    const chart = echarts.init(element.current, undefined, { renderer: 'svg' });
    chart.setOption({ animation: false, ...option });
    const resize = (): void => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [option]);
  return <div ref={element} style={{ width: '100%', height }} data-testid={testId} />;
}

/** A bar or line series as the report pages draw them. */
/** A chart in a bordered card under its title and a one-line hint. */
export function ChartCard(props: { title: string; hint: string; option: ReportChartOption; testId: string }) {
  return (
    <Card withBorder padding="sm">
      <Text fw={600}>{props.title}</Text>
      <Text size="xs" c="dimmed">
        {props.hint}
      </Text>
      <ReportChart option={props.option} testId={props.testId} />
    </Card>
  );
}

export type ReportSeries = {
  name: string;
  data: (number | null)[];
  type?: 'bar' | 'line';
  stack?: string;
};

/** The option of a category chart: categories along x, the series' values up y. */
export function categoryChart(
  categories: string[],
  series: ReportSeries[],
  options: { unit?: string; max?: number; rotate?: boolean } = {},
): ReportChartOption {
  return {
    tooltip: {
      trigger: 'axis',
      valueFormatter: (v: unknown) =>
        typeof v === 'number' ? `${v.toLocaleString()}${options.unit ?? ''}` : '—',
    },
    legend: { type: 'scroll', bottom: 0 },
    grid: { left: 8, right: 16, top: 24, bottom: 40, containLabel: true },
    xAxis: {
      type: 'category',
      data: categories,
      axisLabel: { interval: 0, rotate: options.rotate ? 30 : 0, hideOverlap: true },
    },
    yAxis: { type: 'value', max: options.max, axisLabel: { formatter: `{value}${options.unit ?? ''}` } },
    series: series.map((s) => ({
      type: s.type ?? 'bar',
      name: s.name,
      data: s.data,
      ...(s.stack ? { stack: s.stack } : {}),
      ...(s.type === 'line' ? { symbolSize: 6, z: 3 } : { barMaxWidth: 36 }),
    })),
  };
}
