import 'uplot/dist/uPlot.min.css';
import { Table, VisuallyHidden } from '@mantine/core';
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';

/**
 * Calls per day as bars (uPlot, canvas). The canvas is an image to assistive technology, so the same numbers
 * follow as a table that only screen readers see.
 */
export function DailyChart({ days, label }: { days: { day: string; calls: number }[]; label: string }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const xs = days.map((d) => Date.parse(d.day + 'T00:00:00Z') / 1000);
    const ys = days.map((d) => d.calls);
    const width = Math.max(280, element.clientWidth);
    const chart = new uPlot({
      width, height: 220,
      legend: { show: false },
      scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, Math.max(1, max * 1.1)] } },
      axes: [{}, { label: 'Calls' }],
      series: [{}, { label, stroke: '#4c6ef5', fill: 'rgba(76,110,245,0.35)', paths: uPlot.paths.bars!({ size: [0.7, 40] }), points: { show: false } }],
    }, [xs, ys], element);
    const resize = new ResizeObserver(() => chart.setSize({ width: Math.max(280, element.clientWidth), height: 220 }));
    resize.observe(element);
    return () => {
      resize.disconnect();
      chart.destroy();
    };
  }, [days, label]);
  const total = days.reduce((sum, d) => sum + d.calls, 0);
  return (
    <figure style={{ margin: 0 }}>
      <div ref={host} role="img" aria-label={`${label}: ${total} calls over ${days.length} days`} />
      <VisuallyHidden>
        <Table>
          <caption>{label}</caption>
          <Table.Thead><Table.Tr><Table.Th>Day</Table.Th><Table.Th>Calls</Table.Th></Table.Tr></Table.Thead>
          <Table.Tbody>{days.map((d) => <Table.Tr key={d.day}><Table.Td>{d.day}</Table.Td><Table.Td>{d.calls}</Table.Td></Table.Tr>)}</Table.Tbody>
        </Table>
      </VisuallyHidden>
    </figure>
  );
}
