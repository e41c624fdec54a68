import { Button, Card, Group, Loader, NativeSelect, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { ApiError, ErrorNotice, unwrap, useDraft } from '@spotfunnel/shared';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../api/client';
import type { Invitation, User } from '../api/types';
import { formatDateTime } from '../common/format';
import { TenantSelect } from '../common/TenantSelect';
import { UserRow } from './UserRow';

/** People with access: users, pending invitations, and a new invitation (mailed with a single-use link). */
export default function UsersPage() {
  const queries = useQueryClient();
  const users = useQuery({ queryKey: ['users'], queryFn: async () => (await unwrap(api.GET('/users'))) as User[] });
  const invitations = useQuery({ queryKey: ['invitations'], queryFn: async () => (await unwrap(api.GET('/users/invitations'))) as Invitation[] });
  const [draft, setDraft, clearDraft] = useDraft('invite', { email: '', role: 'customer', tenantId: '' });
  const [error, setError] = useState<unknown>();
  const [sent, setSent] = useState('');
  const fieldErrors = error instanceof ApiError ? error.fieldErrors : {};
  const invite = async () => {
    setError(undefined);
    setSent('');
    try {
      await unwrap(api.POST('/users/invitations', { body: { email: draft.email, role: draft.role, ...(draft.role === 'customer' ? { tenantId: draft.tenantId } : {}) } }));
      setSent(draft.email);
      clearDraft();
      await queries.invalidateQueries({ queryKey: ['invitations'] });
    } catch (e) {
      setError(e);
    }
  };
  const pending = (invitations.data ?? []).filter((i) => !i.acceptedAt);
  return (
    <Stack maw={1000}>
      <Title order={2}>Users</Title>
      <Card withBorder>
        <form noValidate onSubmit={(e) => { e.preventDefault(); void invite(); }}>
          <Stack gap="xs">
            <Title order={3} size="h4">Invite someone</Title>
            <Group align="flex-start" wrap="wrap">
              <TextInput label="Email" type="email" required value={draft.email} error={fieldErrors.email} miw={240}
                onChange={(e) => setDraft({ ...draft, email: e.currentTarget.value })} />
              <NativeSelect label="Role" data={[{ value: 'customer', label: 'Customer (one tenant, view only)' }, { value: 'admin', label: 'Operator (admin)' }]}
                value={draft.role} error={fieldErrors.role} onChange={(e) => setDraft({ ...draft, role: e.currentTarget.value })} />
            </Group>
            {draft.role === 'customer' && (
              <TenantSelect label="Their tenant" value={draft.tenantId} onChange={(tenantId) => setDraft({ ...draft, tenantId })} />
            )}
            {fieldErrors.tenantId && <Text c="red" size="sm">Tenant {fieldErrors.tenantId}</Text>}
            {!(error instanceof ApiError && error.kind === 'invalid') && <ErrorNotice error={error} />}
            {sent && <Text role="status" c="green" size="sm">Invitation mailed to {sent}.</Text>}
            <Group><Button type="submit">Send invitation</Button></Group>
          </Stack>
        </form>
      </Card>
      <Title order={3} size="h4">Pending invitations</Title>
      <ErrorNotice error={invitations.error} onRetry={() => invitations.refetch()} />
      {invitations.isLoading && <Loader aria-label="Loading invitations" />}
      {invitations.data && (pending.length === 0 ? <Text c="dimmed">None pending.</Text> : (
        <Table.ScrollContainer minWidth={560}>
          <Table aria-label="Pending invitations">
            <Table.Thead><Table.Tr><Table.Th>Email</Table.Th><Table.Th>Role</Table.Th><Table.Th>Tenant</Table.Th><Table.Th>Invited by</Table.Th><Table.Th>Expires</Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>
              {pending.map((i) => (
                <Table.Tr key={i.id}><Table.Td>{i.email}</Table.Td><Table.Td>{i.role}</Table.Td><Table.Td>{i.tenantId ?? '—'}</Table.Td>
                  <Table.Td>{i.invitedBy}</Table.Td><Table.Td>{formatDateTime(i.expiresAt)}</Table.Td></Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ))}
      <Title order={3} size="h4">All users</Title>
      <ErrorNotice error={users.error} onRetry={() => users.refetch()} />
      {users.isLoading && <Loader aria-label="Loading users" />}
      {users.data && (
        <Table.ScrollContainer minWidth={760}>
          <Table aria-label="Users">
            <Table.Thead><Table.Tr><Table.Th>Email</Table.Th><Table.Th>Role</Table.Th><Table.Th>Tenant</Table.Th><Table.Th>Since</Table.Th>
              <Table.Th>Access</Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>
              {users.data.map((u) => (
                <UserRow key={u.id} user={u} changed={() => queries.invalidateQueries({ queryKey: ['users'] })} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
