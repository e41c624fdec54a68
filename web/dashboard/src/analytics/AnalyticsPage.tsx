import { Card, Group, Loader, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { DateRangeInputs, ErrorNotice, unwrap, type DateRange } from '@spotfunnel/shared';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useAccount } from '../account/Account';
import { api } from '../api/client';
import type { CallAnalytics } from '../api/types';
import { formatDuration, label } from '../calls/filters';
import { DailyChart } from './DailyChart';
import { lastDays, outcomeShares } from './figures';

/** Calls per day, outcomes, average duration and the action-required rate over a date range. */
export function AnalyticsPage() {
  const { tenantParam } = useAccount();
  const [range, setRange] = useState<DateRange>(() => lastDays(30));
  const complete = range.from !== '' && range.to !== '' && range.from <= range.to;
  const figures = useQuery({
    queryKey: ['analytics', range, tenantParam],
    enabled: complete,
    queryFn: () => unwrap(api.GET('/api/v1/analytics', {
      params: { query: { from: range.from, to: range.to, ...(tenantParam ? { tenantId: tenantParam } : {}) } },
    })) as Promise<CallAnalytics>,
  });
  const data = figures.data;
  return (
    <Stack gap="md">
      <Title order={2}>Analytics</Title>
      <DateRangeInputs value={range} onChange={setRange} label="Period" />
      {figures.isLoading && <Loader aria-label="Loading analytics" />}
      {figures.isError && <ErrorNotice error={figures.error} onRetry={() => figures.refetch()} />}
      {data && (
        <>
          <SimpleGrid cols={{ base: 1, xs: 3 }}>
            <Figure name="Calls" value={String(data.totalCalls)} />
            <Figure name="Average duration" value={formatDuration(data.averageDurationSeconds == null ? null : Math.round(data.averageDurationSeconds))} />
            <Figure name="Action required" value={data.actionRequiredRate == null ? '—' : `${Math.round(data.actionRequiredRate * 100)} % (${data.actionRequiredCalls})`} />
          </SimpleGrid>
          <Card withBorder>
            <Title order={3} size="h4" mb="xs">Calls per day</Title>
            <DailyChart days={data.callsPerDay.map((d) => ({ day: String(d.day), calls: d.calls }))} label="Calls per day" />
          </Card>
          <Card withBorder>
            <Title order={3} size="h4" mb="xs">Outcomes</Title>
            {data.outcomes.length === 0 && <Text>No calls in this period.</Text>}
            <Stack gap="xs" component="ul" p={0} style={{ listStyle: 'none' }} aria-label="Outcomes">
              {outcomeShares(data.outcomes).map((o) => (
                <li key={o.outcome}>
                  <Group justify="space-between"><Text size="sm">{label(o.outcome)}</Text><Text size="sm">{o.calls} ({o.percent} %)</Text></Group>
                  <Progress value={o.percent} aria-label={`${label(o.outcome)}: ${o.percent} percent`} />
                </li>
              ))}
            </Stack>
          </Card>
        </>
      )}
    </Stack>
  );
}

function Figure({ name, value }: { name: string; value: string }) {
  return (
    <Card withBorder padding="sm">
      <Text size="xs" c="dimmed">{name}</Text>
      <Text size="xl" fw={700}>{value}</Text>
    </Card>
  );
}
