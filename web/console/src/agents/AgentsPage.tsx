import { Anchor, Badge, Button, Center, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { ErrorNotice, unwrap } from '@spotfunnel/shared';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api } from '../api/client';
import type { IntelligenceReport, TenantView } from '../api/types';
import { utcDay } from '../common/format';

/** Today's analysed calls per tenant (the operator analytics roll-up of today's UTC day). */
export function callsToday(report: IntelligenceReport | undefined): Map<string, number> {
  return new Map((report?.byTenant ?? []).map((row) => [row.tenantId, row.totals.analyzedCalls]));
}

/** Every tenant's agent: status, numbers and today's calls; a name opens the editor. */
export function AgentsPage() {
  const tenants = useQuery({
    queryKey: ['tenants'],
    queryFn: async () => (await unwrap(api.GET('/tenants'))) as TenantView[],
  });
  const today = utcDay();
  const intelligence = useQuery({
    queryKey: ['intelligence', today, today, ''],
    queryFn: async () => (await unwrap(api.GET('/analytics/intelligence', { params: { query: { from: today, to: today } } }))) as IntelligenceReport,
  });
  const calls = callsToday(intelligence.data);
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Agents</Title>
        <Button component={Link} to="/onboarding">Onboard a tenant</Button>
      </Group>
      {tenants.isPending && <Center><Loader aria-label="Loading agents" /></Center>}
      <ErrorNotice error={tenants.error} onRetry={() => tenants.refetch()} />
      <ErrorNotice error={intelligence.error} />
      {tenants.data && (tenants.data.length === 0
        ? <Text>No tenants yet. Onboard the first one.</Text>
        : (
          <Table.ScrollContainer minWidth={560}>
            <Table striped highlightOnHover aria-label="Agents">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Agent</Table.Th><Table.Th>Status</Table.Th><Table.Th>Numbers</Table.Th>
                  <Table.Th ta="right">Calls today</Table.Th><Table.Th>Updated</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {tenants.data.map((tenant) => (
                  <Table.Tr key={tenant.tenantId}>
                    <Table.Td>
                      <Anchor component={Link} to={`/agents/${encodeURIComponent(tenant.tenantId)}`}>{tenant.name || tenant.tenantId}</Anchor>
                      <Text size="xs" c="dimmed">{tenant.tenantId}{tenant.industry ? ` · ${tenant.industry}` : ''}</Text>
                    </Table.Td>
                    <Table.Td><Badge color={tenant.active ? 'green' : 'gray'}>{tenant.active ? 'Active' : 'Inactive'}</Badge></Table.Td>
                    <Table.Td>{(tenant.phoneNumbers ?? []).join(', ') || '—'}</Table.Td>
                    <Table.Td ta="right">{intelligence.data ? (calls.get(tenant.tenantId) ?? 0) : '…'}</Table.Td>
                    <Table.Td>{tenant.updatedAt ? new Date(tenant.updatedAt).toLocaleDateString() : '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ))}
    </Stack>
  );
}
