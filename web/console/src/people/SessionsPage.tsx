import { Badge, Button, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { ErrorNotice, unwrap } from '@spotfunnel/shared';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../api/client';
import type { BrowserSession } from '../api/types';
import { formatDateTime } from '../common/format';

/** The signed-in person's own browser sessions: revoke one, or sign out everywhere (this browser too). */
export default function SessionsPage() {
  const queries = useQueryClient();
  const sessions = useQuery({ queryKey: ['sessions'], queryFn: async () => (await unwrap(api.GET('/sessions'))) as BrowserSession[] });
  const [error, setError] = useState<unknown>();
  const revoke = async (id: string) => {
    setError(undefined);
    try {
      await unwrap(api.DELETE('/sessions/{sessionId}', { params: { path: { sessionId: id } } }));
      await queries.invalidateQueries({ queryKey: ['sessions'] });
    } catch (e) {
      setError(e);
    }
  };
  const everywhere = async () => {
    setError(undefined);
    try {
      await unwrap(api.POST('/sessions/logout-all'));
      window.location.assign('/signed-out');
    } catch (e) {
      setError(e);
    }
  };
  return (
    <Stack maw={1000}>
      <Group justify="space-between">
        <Title order={2}>My sessions</Title>
        <Button color="red" variant="light" onClick={() => void everywhere()}>Sign out everywhere</Button>
      </Group>
      <Text size="sm" c="dimmed">Every browser signed in as you. Revoking one signs that browser out on its next request.</Text>
      {sessions.isLoading && <Loader aria-label="Loading sessions" />}
      <ErrorNotice error={sessions.error ?? error} onRetry={() => sessions.refetch()} />
      {sessions.data && (
        <Table.ScrollContainer minWidth={640}>
          <Table aria-label="Browser sessions">
            <Table.Thead><Table.Tr><Table.Th>Browser</Table.Th><Table.Th>Address</Table.Th><Table.Th>Signed in</Table.Th><Table.Th>Last used</Table.Th><Table.Th /></Table.Tr></Table.Thead>
            <Table.Tbody>
              {sessions.data.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td><Text size="sm" lineClamp={2}>{s.userAgent || 'unknown'}</Text>{s.current && <Badge size="sm">this browser</Badge>}</Table.Td>
                  <Table.Td>{s.ip}</Table.Td><Table.Td>{formatDateTime(s.createdAt)}</Table.Td><Table.Td>{formatDateTime(s.lastUsedAt)}</Table.Td>
                  <Table.Td>{!s.current && <Button size="compact-xs" color="red" variant="subtle" onClick={() => void revoke(s.id)}
                    aria-label={`Revoke the session signed in ${formatDateTime(s.createdAt)}`}>Revoke</Button>}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
