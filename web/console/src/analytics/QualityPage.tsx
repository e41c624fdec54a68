import { Anchor, Badge, Button, Card, Code, Group, Loader, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { ErrorNotice, unwrap } from '@spotfunnel/shared';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../api/client';
import type { ErrorGroup, Occurrence } from '../api/types';
import { formatDateTime, words } from '../common/format';
import { ReportFilters, reportQuery, useReportFilter } from './ReportFilters';

const SEVERITY_COLORS: Record<string, string> = { critical: 'red', error: 'orange', warning: 'yellow', info: 'blue' };

/** System errors grouped by type and severity; a group opens its occurrences (stack trace, call), each resolvable. */
export default function QualityPage() {
  const [filter, setFilter, complete] = useReportFilter();
  const [includeResolved, setIncludeResolved] = useState(false);
  const [open, setOpen] = useState<ErrorGroup>();
  const queries = useQueryClient();
  const query = { ...reportQuery(filter), includeResolved };
  const groups = useQuery({
    queryKey: ['errors', query],
    enabled: complete,
    queryFn: async () => (await unwrap(api.GET('/analytics/errors', { params: { query } }))) as ErrorGroup[],
  });
  const [error, setError] = useState<unknown>();
  const resolveGroup = async (group: ErrorGroup) => {
    setError(undefined);
    try {
      await unwrap(api.POST('/analytics/errors/resolve', { params: { query: {
        type: group.errorType, severity: group.severity, ...(filter.tenantId ? { tenantId: filter.tenantId } : {}),
      } } }));
      await queries.invalidateQueries({ queryKey: ['errors'] });
    } catch (e) {
      setError(e);
    }
  };
  return (
    <Stack>
      <Title order={2}>Quality</Title>
      <ReportFilters value={filter} onChange={setFilter} />
      <Switch label="Include resolved" checked={includeResolved} onChange={(e) => setIncludeResolved(e.currentTarget.checked)} />
      {groups.isLoading && <Loader aria-label="Loading errors" />}
      <ErrorNotice error={groups.error} onRetry={() => groups.refetch()} />
      <ErrorNotice error={error} />
      {groups.data && (groups.data.length === 0 ? <Text>No system errors in this period.</Text> : (
        <Table.ScrollContainer minWidth={640}>
          <Table aria-label="System errors by type and severity" highlightOnHover>
            <Table.Thead><Table.Tr><Table.Th>Type</Table.Th><Table.Th>Severity</Table.Th><Table.Th ta="right">Open / all</Table.Th>
              <Table.Th>Last seen</Table.Th><Table.Th>Latest message</Table.Th><Table.Th>Actions</Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>
              {groups.data.map((g) => (
                <Table.Tr key={g.errorType + g.severity}>
                  <Table.Td>{words(g.errorType)}</Table.Td>
                  <Table.Td><Badge color={SEVERITY_COLORS[g.severity] ?? 'gray'}>{g.severity}</Badge></Table.Td>
                  <Table.Td ta="right">{g.open} / {g.occurrences}</Table.Td>
                  <Table.Td>{formatDateTime(g.lastSeen)}</Table.Td>
                  <Table.Td><Text size="sm" lineClamp={2}>{g.latestMessage}</Text></Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <Button size="compact-xs" variant="light" onClick={() => setOpen(g)}
                        aria-label={`Show ${words(g.errorType)} ${g.severity} occurrences`}>Show</Button>
                      {g.open > 0 && <Button size="compact-xs" variant="subtle" onClick={() => void resolveGroup(g)}
                        aria-label={`Resolve all ${words(g.errorType)} ${g.severity} errors`}>Resolve all</Button>}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ))}
      {open && <Occurrences group={open} query={query} onClose={() => setOpen(undefined)} />}
    </Stack>
  );
}

function Occurrences({ group, query, onClose }: {
  group: ErrorGroup;
  query: Record<string, unknown>;
  onClose: () => void;
}) {
  const queries = useQueryClient();
  const params = { ...query, type: group.errorType, severity: group.severity, limit: 50 };
  const list = useQuery({
    queryKey: ['errors', 'occurrences', params],
    queryFn: async () => (await unwrap(api.GET('/analytics/errors/occurrences', { params: { query: params } }))) as Occurrence[],
  });
  const [error, setError] = useState<unknown>();
  const resolve = async (id: string) => {
    setError(undefined);
    try {
      await unwrap(api.POST('/analytics/errors/occurrences/{id}/resolve', { params: { path: { id } } }));
      await queries.invalidateQueries({ queryKey: ['errors'] });
    } catch (e) {
      setError(e);
    }
  };
  return (
    <Card withBorder>
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h4">{words(group.errorType)} · {group.severity}</Title>
        <Button size="xs" variant="subtle" onClick={onClose}>Close</Button>
      </Group>
      {list.isLoading && <Loader aria-label="Loading occurrences" />}
      <ErrorNotice error={list.error ?? error} />
      <Stack>
        {(list.data ?? []).map((o) => (
          <Card key={o.id} withBorder padding="sm">
            <Stack gap={4}>
              <Group justify="space-between" wrap="wrap">
                <Text size="sm" fw={600}>{formatDateTime(o.occurredAt)} · {o.component}{o.stage ? ` · ${o.stage}` : ''}{o.provider ? ` · ${o.provider}` : ''}</Text>
                {o.resolvedAt
                  ? <Badge color="green" variant="light">resolved by {o.resolvedBy}</Badge>
                  : <Button size="compact-xs" onClick={() => void resolve(o.id)}>Mark resolved</Button>}
              </Group>
              <Text size="sm">{o.message}</Text>
              <Text size="xs" c="dimmed">Tenant {o.tenantId ?? '—'} · call {o.callId ? <Anchor component={Link} to={`/costs?callId=${encodeURIComponent(o.callId)}`}><Code>{o.callId}</Code></Anchor> : '—'}</Text>
              {o.stackTrace && (
                <details>
                  <summary>Stack trace</summary>
                  <Code block style={{ whiteSpace: 'pre-wrap', maxHeight: 300, overflow: 'auto' }}>{o.stackTrace}</Code>
                </details>
              )}
            </Stack>
          </Card>
        ))}
      </Stack>
    </Card>
  );
}
