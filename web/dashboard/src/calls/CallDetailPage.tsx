import { Anchor, Badge, Button, Card, Group, Loader, SimpleGrid, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { ErrorNotice, unwrap, useDraft } from '@spotfunnel/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { useAccount } from '../account/Account';
import { api } from '../api/client';
import type { CallDetail } from '../api/types';
import { StatusBadge } from './CallsPage';
import { formatDuration, formatUsd, formatWhen, label } from './filters';

/** One call: what was said, what came of it, what it cost, and what people did about it. */
export function CallDetailPage() {
  const { callId = '' } = useParams();
  const { tenantParam } = useAccount();
  const query = tenantParam ? { tenantId: tenantParam } : {};
  const detail = useQuery({
    queryKey: ['call', callId, tenantParam],
    queryFn: () => unwrap(api.GET('/api/v1/calls/{callId}', { params: { path: { callId }, query } })) as Promise<CallDetail>,
  });
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/calls">← All calls</Anchor>
      {detail.isPending && <Loader aria-label="Loading the call" />}
      {detail.isError && <ErrorNotice error={detail.error} onRetry={() => detail.refetch()} />}
      {detail.data && <CallView call={detail.data} query={query} />}
    </Stack>
  );
}

function CallView({ call, query }: { call: CallDetail; query: { tenantId?: string } }) {
  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap">
        <Title order={2}>Call from {call.callerPhone ?? 'an unknown number'}</Title>
        <Group gap="xs">
          <StatusBadge status={call.status} />
          {call.action.requiresAction && <Badge color="orange">Needs action</Badge>}
          {call.archive.archived && <Badge color="gray" variant="outline">Archived</Badge>}
        </Group>
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
        <Fact name="Started" value={formatWhen(call.startedAt)} />
        <Fact name="Duration" value={formatDuration(call.durationSeconds)} />
        <Fact name="Outcome" value={label(call.outcome)} />
        <Fact name="Total cost" value={formatUsd(call.costs.total)} />
      </SimpleGrid>
      <Card withBorder>
        <Title order={3} size="h4">Summary</Title>
        <Text mt="xs">{call.summary ?? 'No summary (the call was not analysed yet).'}</Text>
        {call.reasonForCalling && <Text mt="xs" size="sm"><b>Reason for calling:</b> {call.reasonForCalling}</Text>}
        <Text mt="xs" size="sm">
          <b>Transfer:</b> {call.transferredTo ? `to ${call.transferredTo} — ${label(call.transferOutcome)}` : 'not transferred'}
          {call.transferReturnedToAgent && ' — back to the agent, message taken'}
          {' · '}<b>Fallback message played:</b> {call.fallbackPlayed ? 'yes' : 'no'}
          {call.endedReason && <>{' · '}<b>Ended:</b> {label(call.endedReason)}</>}
        </Text>
      </Card>
      <Transcript call={call} />
      <CapturedData data={call.capturedData} />
      <Costs call={call} />
      <ActionItem call={call} query={query} />
      <Archive call={call} query={query} />
    </Stack>
  );
}

function Fact({ name, value }: { name: string; value: string }) {
  return (
    <Card withBorder padding="sm">
      <Text size="xs" c="dimmed">{name}</Text>
      <Text fw={600}>{value}</Text>
    </Card>
  );
}

/** The conversation as chat bubbles: the caller on the left, the agent on the right. */
function Transcript({ call }: { call: CallDetail }) {
  return (
    <Card withBorder>
      <Title order={3} size="h4">Transcript</Title>
      {call.transcript.length === 0 && <Text mt="xs">Nothing was said.</Text>}
      <Stack component="ol" gap="xs" mt="xs" p={0} style={{ listStyle: 'none' }} aria-label="Conversation">
        {call.transcript.map((turn) => {
          const caller = turn.speaker === 'caller' || turn.speaker === 'user';
          return (
            <li key={`${turn.turnIndex}-${turn.speaker}-${turn.offsetMs}`} style={{ alignSelf: caller ? 'flex-start' : 'flex-end', maxWidth: '85%' }}>
              <Card padding="xs" radius="md" bg={caller ? 'gray.1' : 'indigo.0'}>
                <Text size="xs" c="dark.4" fw={600}>{caller ? 'Caller' : 'Agent'}{turn.interrupted ? ' (interrupted)' : ''}</Text>
                <Text size="sm">{turn.text}</Text>
              </Card>
            </li>
          );
        })}
      </Stack>
    </Card>
  );
}

function CapturedData({ data }: { data: CallDetail['capturedData'] }) {
  const entries = Object.entries(data ?? {});
  return (
    <Card withBorder>
      <Title order={3} size="h4">Captured data</Title>
      {entries.length === 0 ? <Text mt="xs">Nothing was captured.</Text> : (
        <Table mt="xs" aria-label="Captured data">
          <Table.Tbody>
            {entries.map(([key, value]) => (
              <Table.Tr key={key}>
                <Table.Th scope="row">{label(key)}</Table.Th>
                <Table.Td>{typeof value === 'object' ? JSON.stringify(value) : String(value)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}

function Costs({ call }: { call: CallDetail }) {
  const { stt, llm, tts, total } = call.costs;
  return (
    <Card withBorder>
      <Title order={3} size="h4">Cost per stage</Title>
      <Table mt="xs" aria-label="Cost per stage">
        <Table.Thead>
          <Table.Tr><Table.Th>Speech to text</Table.Th><Table.Th>Language model</Table.Th><Table.Th>Text to speech</Table.Th><Table.Th>Total</Table.Th></Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          <Table.Tr><Table.Td>{formatUsd(stt)}</Table.Td><Table.Td>{formatUsd(llm)}</Table.Td><Table.Td>{formatUsd(tts)}</Table.Td><Table.Td>{formatUsd(total)}</Table.Td></Table.Tr>
        </Table.Tbody>
      </Table>
    </Card>
  );
}

function ActionItem({ call, query }: { call: CallDetail; query: { tenantId?: string } }) {
  const queries = useQueryClient();
  const [note, setNote, clearNote] = useDraft(`resolve-${call.callId}`, '');
  const resolve = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/calls/{callId}/action-item/resolution', {
      params: { path: { callId: call.callId }, query }, body: { note },
    })),
    onSuccess: () => {
      clearNote();
      void queries.invalidateQueries({ queryKey: ['call', call.callId] });
      void queries.invalidateQueries({ queryKey: ['calls'] });
      void queries.invalidateQueries({ queryKey: ['action-items'] });
    },
  });
  const action = call.action;
  return (
    <Card withBorder>
      <Title order={3} size="h4">Action item</Title>
      {action.resolvedAt && !action.requiresAction && (
        <Text mt="xs" size="sm">Resolved by {action.resolvedBy} on {formatWhen(action.resolvedAt)}: {action.resolutionNote}</Text>
      )}
      {!action.requiresAction && !action.resolvedAt && <Text mt="xs">No follow-up needed.</Text>}
      {action.requiresAction && (
        <form onSubmit={(e) => { e.preventDefault(); resolve.mutate(); }}>
          <Stack gap="xs" mt="xs">
            <Text size="sm">{action.flaggedByAnalysis ? 'The call analysis says this call needs a follow-up.' : `Marked by ${action.markedBy}: ${action.markNote ?? ''}`}</Text>
            <Textarea label="Resolution note" description="What was done about it" value={note} required
              error={resolve.error && 'fieldErrors' in resolve.error ? (resolve.error as { fieldErrors: Record<string, string> }).fieldErrors.note : undefined}
              onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} />
            <Group><Button type="submit" loading={resolve.isPending}>Resolve</Button></Group>
            <ErrorNotice error={resolve.error} />
          </Stack>
        </form>
      )}
    </Card>
  );
}

function Archive({ call, query }: { call: CallDetail; query: { tenantId?: string } }) {
  const queries = useQueryClient();
  const archived = call.archive.archived;
  const toggle = useMutation({
    mutationFn: () => archived
      ? unwrap(api.DELETE('/api/v1/calls/{callId}/archive', { params: { path: { callId: call.callId }, query } }))
      : unwrap(api.PUT('/api/v1/calls/{callId}/archive', { params: { path: { callId: call.callId }, query } })),
    onSuccess: () => {
      void queries.invalidateQueries({ queryKey: ['call', call.callId] });
      void queries.invalidateQueries({ queryKey: ['calls'] });
    },
  });
  return (
    <Card withBorder>
      <Title order={3} size="h4">Archive</Title>
      <Text mt="xs" size="sm">
        {archived ? `Archived by ${call.archive.archivedBy} on ${formatWhen(call.archive.archivedAt)}. Archived calls are hidden from the list unless you show them.` : 'Archiving hides the call from the list; nothing is deleted.'}
      </Text>
      <Group mt="xs"><Button variant="light" onClick={() => toggle.mutate()} loading={toggle.isPending}>{archived ? 'Unarchive' : 'Archive'}</Button></Group>
      <ErrorNotice error={toggle.error} />
    </Card>
  );
}
