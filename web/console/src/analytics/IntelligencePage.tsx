import { Card, Loader, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { ErrorNotice, unwrap } from '@spotfunnel/shared';
import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import type { IntelligenceReport } from '../api/types';
import { formatPercent, words } from '../common/format';
import { BarList } from './BarList';
import { ReportFilters, reportQuery, useReportFilter } from './ReportFilters';
import { shares, toSeries } from './shape';
import { TimeChart } from './TimeChart';

/** What callers wanted and how calls went: outcomes, reasons, action-required rate and calls per day. */
export default function IntelligencePage() {
  const [filter, setFilter, complete] = useReportFilter();
  const report = useQuery({
    queryKey: ['intelligence', filter.range.from, filter.range.to, filter.tenantId],
    enabled: complete,
    queryFn: async () => (await unwrap(api.GET('/analytics/intelligence', { params: { query: reportQuery(filter) } }))) as IntelligenceReport,
  });
  const data = report.data;
  const perDay = data ? toSeries((data.daily ?? []).map((d) => ({ day: String(d.day), calls: d.calls })), [{ label: 'Calls', value: (d) => d.calls }]) : undefined;
  return (
    <Stack>
      <Title order={2}>Intelligence</Title>
      <ReportFilters value={filter} onChange={setFilter} />
      {report.isLoading && <Loader aria-label="Loading the report" />}
      <ErrorNotice error={report.error} onRetry={() => report.refetch()} />
      {data && (
        <>
          <SimpleGrid cols={{ base: 1, xs: 3 }}>
            <Figure name="Calls analysed" value={String(data.totals.analyzedCalls)} />
            <Figure name="Action required" value={String(data.totals.actionRequired)} />
            <Figure name="Action-required rate" value={formatPercent(data.totals.actionRequiredRate)} />
          </SimpleGrid>
          {perDay && (
            <Card withBorder>
              <Title order={3} size="h4" mb="xs">Calls per day</Title>
              <TimeChart title="Calls per day" unit="Calls" days={perDay.days} series={perDay.series} />
            </Card>
          )}
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Card withBorder>
              <Title order={3} size="h4" mb="xs">Outcomes</Title>
              <BarList label="Outcome distribution" items={shares(data.outcomes)} />
            </Card>
            <Card withBorder>
              <Title order={3} size="h4" mb="xs">Reasons for calling</Title>
              <BarList label="Reason taxonomy" items={shares(data.reasons)} />
            </Card>
          </SimpleGrid>
          <Card withBorder>
            <Title order={3} size="h4" mb="xs">Ended calls by status</Title>
            <BarList label="Ended calls by status" items={shares(data.endedCalls)} />
          </Card>
          {data.byTenant.length > 0 && (
            <Card withBorder>
              <Title order={3} size="h4" mb="xs">Per tenant</Title>
              <Table.ScrollContainer minWidth={400}>
                <Table aria-label="Intelligence per tenant">
                  <Table.Thead><Table.Tr><Table.Th>Tenant</Table.Th><Table.Th ta="right">Analysed</Table.Th><Table.Th ta="right">Action required</Table.Th><Table.Th ta="right">Rate</Table.Th></Table.Tr></Table.Thead>
                  <Table.Tbody>
                    {data.byTenant.map((t) => (
                      <Table.Tr key={t.tenantId}><Table.Td>{words(t.tenantId)}</Table.Td><Table.Td ta="right">{t.totals.analyzedCalls}</Table.Td>
                        <Table.Td ta="right">{t.totals.actionRequired}</Table.Td><Table.Td ta="right">{formatPercent(t.totals.actionRequiredRate)}</Table.Td></Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Card>
          )}
        </>
      )}
    </Stack>
  );
}

export function Figure({ name, value }: { name: string; value: string }) {
  return (
    <Card withBorder>
      <Text size="sm" c="dimmed">{name}</Text>
      <Text size="xl" fw={700}>{value}</Text>
    </Card>
  );
}
