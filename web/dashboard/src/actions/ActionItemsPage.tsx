import { Anchor, Badge, Button, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { ErrorNotice, unwrap } from '@spotfunnel/shared';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useAccount } from '../account/Account';
import { api } from '../api/client';
import type { CallPage } from '../api/types';
import { formatWhen, label } from '../calls/filters';

/** Calls with an open action item, newest first; each opens the call, where it is resolved with a note. */
export function ActionItemsPage() {
  const { tenantParam } = useAccount();
  const query = tenantParam ? { tenantId: tenantParam } : {};
  const items = useInfiniteQuery({
    queryKey: ['action-items', query],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => unwrap(api.GET('/api/v1/action-items', {
      params: { query: { ...query, limit: 50, ...(pageParam ? { cursor: pageParam } : {}) } },
    })) as Promise<CallPage>,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const calls = items.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Stack gap="md">
      <Title order={2}>Action items</Title>
      {items.isPending && <Loader aria-label="Loading action items" />}
      {items.isError && <ErrorNotice error={items.error} onRetry={() => items.refetch()} />}
      {items.isSuccess && calls.length === 0 && <Text>Nothing to follow up. Well done.</Text>}
      {calls.length > 0 && (
        <Table.ScrollContainer minWidth={560}>
          <Table striped aria-label="Open action items">
            <Table.Thead>
              <Table.Tr><Table.Th>Call</Table.Th><Table.Th>Caller</Table.Th><Table.Th>Reason</Table.Th><Table.Th>Priority</Table.Th></Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {calls.map((call) => (
                <Table.Tr key={call.callId}>
                  <Table.Td><Anchor component={Link} to={`/calls/${encodeURIComponent(call.callId)}`}>{formatWhen(call.startedAt)}</Anchor></Table.Td>
                  <Table.Td>{call.callerPhone ?? '—'}</Table.Td>
                  <Table.Td>{call.reasonForCalling ?? call.summary ?? '—'}</Table.Td>
                  <Table.Td>{call.priority ? <Badge variant="light">{label(call.priority)}</Badge> : '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {items.hasNextPage && (
        <Group justify="center">
          <Button variant="subtle" loading={items.isFetchingNextPage} onClick={() => void items.fetchNextPage()}>Load more</Button>
        </Group>
      )}
    </Stack>
  );
}
