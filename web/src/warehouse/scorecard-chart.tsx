/**
 * The supplier score per month as a line chart. ECharts is loaded with this file only (the scorecard
 * page imports it lazily), and only the line chart, grid, tooltip and legend are bundled.
 */
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { scoreSeries } from './warehouse-labels';

echarts.use([LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

/** One line per supplier; a month without receipts (no score) is bridged by the line. */
export function ScorecardChart({
  suppliers,
}: {
  suppliers: readonly { name: string; months: readonly { month: string; score: number | null }[] }[];
}) {
  const { t } = useTranslation();
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!element.current) return;
    const chart = echarts.init(element.current, undefined, { renderer: 'svg' });
    const { months, series } = scoreSeries(suppliers);
    chart.setOption({
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { type: 'scroll', bottom: 0 },
      grid: { left: 48, right: 24, top: 24, bottom: 48 },
      xAxis: { type: 'category', data: months, boundaryGap: false },
      yAxis: { type: 'value', min: 0, max: 100, name: t('warehouse.scorecard.score') },
      series: series.map((s) => ({
        type: 'line',
        name: s.name,
        data: s.data,
        connectNulls: true,
        symbolSize: 6,
      })),
    });
    const resize = (): void => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [suppliers, t]);
  return <div ref={element} style={{ width: '100%', height: 320 }} data-testid="scorecard-chart" />;
}
