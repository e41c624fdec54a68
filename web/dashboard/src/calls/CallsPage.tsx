import { Anchor, Badge, Button, Group, Loader, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { download, ErrorNotice } from '@spotfunnel/shared';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useAccount } from '../account/Account';
import type { CallSummary } from '../api/types';
import { CallFiltersForm } from './CallFiltersForm';
import { formatDuration, formatWhen, fromSearchParams, label, toApiQuery, toSearchParams } from './filters';
import { useCallList } from './useCallList';

const STATUS_COLOR: Record<string, string> = {
  in_progress: 'blue', completed: 'green', failed: 'red', transferred: 'violet', abandoned: 'gray',
};

export function StatusBadge({ status }: { status: string }) {
  return <Badge color={STATUS_COLOR[status] ?? 'gray'} variant="light">{label(status)}</Badge>;
}

/** The calls of the tenant, newest first, filtered, searched, paged over the cursor, exportable as CSV. */
export function CallsPage() {
  const { tenantParam } = useAccount();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => fromSearchParams(params), [params]);
  const query = useMemo(() => toApiQuery(filters, tenantParam), [filters, tenantParam]);
  const { calls, pages } = useCallList(query);
  const [exportState, setExportState] = useState<{ busy: boolean; error?: unknown; done?: string }>({ busy: false });

  async function exportCsv() {
    setExportState({ busy: true });
    try {
      const name = await download('/api/v1/exports/calls.csv?' + new URLSearchParams(query).toString(), 'calls.csv');
      setExportState({ busy: false, done: name });
    } catch (error) {
      setExportState({ busy: false, error });
    }
  }

  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap">
        <Title order={2}>Calls</Title>
        <Button variant="light" onClick={exportCsv} loading={exportState.busy}>Export CSV</Button>
      </Group>
      {exportState.done && <Text size="sm" role="status">Downloaded {exportState.done}.</Text>}
      <ErrorNotice error={exportState.error} />
      <CallFiltersForm key={params.toString()} value={filters} onApply={(next) => setParams(toSearchParams(next))} />
      {pages.isPending && <Loader aria-label="Loading calls" />}
      {pages.isError && <ErrorNotice error={pages.error} onRetry={() => pages.refetch()} />}
      {pages.isSuccess && calls.length === 0 && <Text>No calls match these filters.</Text>}
      {calls.length > 0 && <CallTable calls={calls} />}
      {pages.hasNextPage && (
        <MoreCalls loading={pages.isFetchingNextPage} onMore={() => { if (!pages.isFetchingNextPage) void pages.fetchNextPage(); }} />
      )}
      {pages.isFetchNextPageError && <ErrorNotice error={pages.error} onRetry={() => pages.fetchNextPage()} />}
    </Stack>
  );
}

function CallTable({ calls }: { calls: CallSummary[] }) {
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped highlightOnHover aria-label="Calls, newest first">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Started</Table.Th>
            <Table.Th>Caller</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Outcome</Table.Th>
            <Table.Th>Reason</Table.Th>
            <Table.Th>Duration</Table.Th>
            <Table.Th><VisuallyHidden>Flags</VisuallyHidden></Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {calls.map((call) => (
            <Table.Tr key={call.callId} data-call-id={call.callId}>
              <Table.Td>
                <Anchor component={Link} to={`/calls/${encodeURIComponent(call.callId)}`}>{formatWhen(call.startedAt)}</Anchor>
              </Table.Td>
              <Table.Td>{call.callerPhone ?? '—'}</Table.Td>
              <Table.Td><StatusBadge status={call.status} /></Table.Td>
              <Table.Td>{label(call.outcome)}</Table.Td>
              <Table.Td><Text size="sm" lineClamp={2}>{call.reasonForCalling ?? '—'}</Text></Table.Td>
              <Table.Td>{formatDuration(call.durationSeconds)}</Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  {call.requiresAction && <Badge color="orange">Needs action</Badge>}
                  {call.archived && <Badge color="gray" variant="outline">Archived</Badge>}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Loads the next page when scrolled into view (infinite scroll), or by its button (keyboard). */
function MoreCalls({ loading, onMore }: { loading: boolean; onMore: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) onMore();
    }, { rootMargin: '200px' });
    observer.observe(element);
    return () => observer.disconnect();
  }, [onMore]);
  return (
    <Group ref={ref} justify="center">
      <Button variant="subtle" onClick={onMore} loading={loading}>Load more calls</Button>
    </Group>
  );
}
