import 'uplot/dist/uPlot.min.css';
import { Button, Table } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import uPlot from 'uplot';
import { stack, type Series } from './shape';

const COLORS = ['#4c6ef5', '#12b886', '#fd7e14', '#e64980'];

/**
 * Values per day as (stacked) bars, drawn by uPlot on a canvas. A canvas says nothing to a screen reader, so
 * the figure is labelled with its totals and a button shows the same numbers as a table (also for anyone
 * who wants exact values).
 */
export function TimeChart({ title, days, series, format = String, unit }: {
  title: string;
  days: string[];
  series: Series[];
  format?: (value: number) => string;
  unit: string;
}) {
  const host = useRef<HTMLDivElement>(null);
  const [asTable, setAsTable] = useState(false);
  useEffect(() => {
    const element = host.current;
    if (!element || asTable) return;
    const xs = days.map((d) => Date.parse(d + 'T00:00:00Z') / 1000);
    const stacked = stack(series);
    const width = () => Math.max(260, element.clientWidth);
    // Drawn from the top of the stack down, so each smaller bar paints over the larger ones behind it.
    const order = stacked.map((s, i) => ({ s, i })).reverse();
    const chart = new uPlot({
      width: width(), height: 220,
      legend: { show: series.length > 1, live: false },
      // Half a day of room on each side, so the first and last bars are drawn whole.
      scales: { x: { time: true, range: (_u, min, max) => [min - 43_200, max + 43_200] }, y: { range: (_u, _min, max) => [0, max > 0 ? max * 1.1 : 1] } },
      axes: [{}, { label: unit, size: 60 }],
      series: [{}, ...order.map(({ s, i }) => ({
        label: s.label, stroke: COLORS[i % COLORS.length], fill: COLORS[i % COLORS.length] + 'cc',
        paths: uPlot.paths.bars!({ size: [0.7, 40] }), points: { show: false },
      }))],
    }, [xs, ...order.map(({ s }) => s.values)], element);
    const resize = new ResizeObserver(() => chart.setSize({ width: width(), height: 220 }));
    resize.observe(element);
    return () => {
      resize.disconnect();
      chart.destroy();
    };
  }, [days, series, asTable, unit]);
  const totals = series.map((s) => `${s.label} ${format(s.values.reduce((a, b) => a + b, 0))}`).join(', ');
  return (
    <figure style={{ margin: 0 }}>
      {asTable ? (
        <Table.ScrollContainer minWidth={300} mah={320}>
          <Table striped aria-label={title}>
            <Table.Thead><Table.Tr><Table.Th>Day</Table.Th>{series.map((s) => <Table.Th key={s.label} ta="right">{s.label}</Table.Th>)}</Table.Tr></Table.Thead>
            <Table.Tbody>
              {days.map((day, i) => (
                <Table.Tr key={day}><Table.Td>{day}</Table.Td>{series.map((s) => <Table.Td key={s.label} ta="right">{format(s.values[i])}</Table.Td>)}</Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : (
        <div ref={host} role="img" aria-label={`${title}, ${days.length} days: ${totals}`} />
      )}
      <Button size="compact-xs" variant="subtle" mt={4} onClick={() => setAsTable(!asTable)} aria-pressed={asTable}>
        {asTable ? 'Show as chart' : 'Show as table'}
      </Button>
    </figure>
  );
}
