import { Button, Card, Group, Loader, Table, Text, TextInput, Title } from '@mantine/core';
import { ErrorNotice, unwrap } from '@spotfunnel/shared';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useSearchParams } from 'react-router';
import { api } from '../api/client';
import type { CallCost } from '../api/types';
import { formatUsd } from '../common/format';

const usd = (v: number | null | undefined) => formatUsd(v, 4);

/**
 * The cost of one call per stage and provider. The call id is kept in the address (?callId=), so the Quality
 * page can link a system error's call here and the result can be shared.
 */
export function CallCostCard() {
  const [params, setParams] = useSearchParams();
  const callId = params.get('callId') ?? '';
  const [typed, setTyped] = useState(callId);
  const cost = useQuery({
    queryKey: ['call-cost', callId],
    enabled: callId !== '',
    retry: false,
    queryFn: async () => (await unwrap(api.GET('/analytics/costs/calls/{callId}', { params: { path: { callId } } }))) as CallCost,
  });
  const show = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams(params);
    if (typed.trim()) next.set('callId', typed.trim());
    else next.delete('callId');
    setParams(next);
  };
  return (
    <Card withBorder>
      <Title order={3} size="h4" mb="xs">Cost of one call</Title>
      <form onSubmit={show} aria-label="Cost of one call">
        <Group align="end">
          <TextInput label="Call ID" value={typed} onChange={(e) => setTyped(e.currentTarget.value)} style={{ flex: 1 }} />
          <Button type="submit">Show cost</Button>
        </Group>
      </form>
      {cost.isFetching && <Loader aria-label="Loading the call's cost" mt="sm" />}
      <ErrorNotice error={cost.error} onRetry={() => cost.refetch()} />
      {cost.data && (
        <>
          <Text mt="sm">Tenant {cost.data.tenantId} · total <strong>{usd(cost.data.totalUsd)}</strong></Text>
          <Table.ScrollContainer minWidth={320}>
            <Table aria-label="Cost of the call per stage and provider">
              <Table.Thead><Table.Tr><Table.Th>Stage</Table.Th><Table.Th>Provider</Table.Th><Table.Th ta="right">Records</Table.Th><Table.Th ta="right">Cost</Table.Th></Table.Tr></Table.Thead>
              <Table.Tbody>
                {cost.data.items.map((item) => (
                  <Table.Tr key={item.stage + item.provider}><Table.Td>{item.stage}</Table.Td><Table.Td>{item.provider}</Table.Td>
                    <Table.Td ta="right">{item.records}</Table.Td><Table.Td ta="right">{usd(item.costUsd)}</Table.Td></Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
    </Card>
  );
}
