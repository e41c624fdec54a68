import { Card, Loader, SimpleGrid, Stack, Table, Title } from '@mantine/core';
import { ErrorNotice, unwrap } from '@spotfunnel/shared';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { api } from '../api/client';
import type { CostReport } from '../api/types';
import { formatUsd } from '../common/format';
import { CallCostCard } from './CallCostCard';
import { Figure } from './IntelligencePage';
import { ReportFilters, reportQuery, useReportFilter } from './ReportFilters';
import { providerRows, toSeries } from './shape';
import { TimeChart } from './TimeChart';

const usd = (v: number) => formatUsd(v, 4);

/** What calls cost: per day and stage (chart), per provider and per tenant (tables), and one call's. */
export default function CostsPage() {
  const [filter, setFilter, complete] = useReportFilter();
  // Opened for one call (a link from Quality): its cost first, above the fold; the period's report below.
  const [params] = useSearchParams();
  const oneCallFirst = params.has('callId');
  const report = useQuery({
    queryKey: ['costs', filter.range.from, filter.range.to, filter.tenantId],
    enabled: complete,
    queryFn: async () => (await unwrap(api.GET('/analytics/costs', { params: { query: reportQuery(filter) } }))) as CostReport,
  });
  const data = report.data;
  const daily = data ? toSeries(data.daily.map((d) => ({ day: String(d.day), ...d.costs })), [
    { label: 'Speech to text', value: (d) => Number(d.stt) },
    { label: 'Language model', value: (d) => Number(d.llm) },
    { label: 'Text to speech', value: (d) => Number(d.tts) },
  ]) : undefined;
  return (
    <Stack>
      <Title order={2}>Costs</Title>
      {oneCallFirst && <CallCostCard />}
      <ReportFilters value={filter} onChange={setFilter} />
      {report.isLoading && <Loader aria-label="Loading the report" />}
      <ErrorNotice error={report.error} onRetry={() => report.refetch()} />
      {data && daily && (
        <>
          <SimpleGrid cols={{ base: 2, sm: 4 }}>
            <Figure name="Total" value={usd(data.total.total)} />
            <Figure name="Speech to text" value={usd(data.total.stt)} />
            <Figure name="Language model" value={usd(data.total.llm)} />
            <Figure name="Text to speech" value={usd(data.total.tts)} />
          </SimpleGrid>
          <Card withBorder>
            <Title order={3} size="h4" mb="xs">Cost per day and stage</Title>
            <TimeChart title="Cost per day and stage (USD)" unit="USD" days={daily.days} series={daily.series} format={usd} />
          </Card>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Card withBorder>
              <Title order={3} size="h4" mb="xs">Per provider</Title>
              <Table.ScrollContainer minWidth={320}>
                <Table aria-label="Cost per provider">
                  <Table.Thead><Table.Tr><Table.Th>Stage</Table.Th><Table.Th>Provider</Table.Th><Table.Th ta="right">Records</Table.Th><Table.Th ta="right">Cost</Table.Th></Table.Tr></Table.Thead>
                  <Table.Tbody>
                    {providerRows(data.byProvider).map((p) => (
                      <Table.Tr key={p.stage + p.provider}><Table.Td>{p.stage}</Table.Td><Table.Td>{p.provider}</Table.Td>
                        <Table.Td ta="right">{p.records}</Table.Td><Table.Td ta="right">{usd(p.costUsd)}</Table.Td></Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Card>
            <Card withBorder>
              <Title order={3} size="h4" mb="xs">Per tenant</Title>
              <Table.ScrollContainer minWidth={320}>
                <Table aria-label="Cost per tenant">
                  <Table.Thead><Table.Tr><Table.Th>Tenant</Table.Th><Table.Th ta="right">STT</Table.Th><Table.Th ta="right">LLM</Table.Th><Table.Th ta="right">TTS</Table.Th><Table.Th ta="right">Total</Table.Th></Table.Tr></Table.Thead>
                  <Table.Tbody>
                    {data.byTenant.map((t) => (
                      <Table.Tr key={t.tenantId}><Table.Td>{t.tenantId}</Table.Td><Table.Td ta="right">{usd(t.costs.stt)}</Table.Td>
                        <Table.Td ta="right">{usd(t.costs.llm)}</Table.Td><Table.Td ta="right">{usd(t.costs.tts)}</Table.Td><Table.Td ta="right">{usd(t.costs.total)}</Table.Td></Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Card>
          </SimpleGrid>
        </>
      )}
      {!oneCallFirst && <CallCostCard />}
    </Stack>
  );
}
