import { Badge, Button, Group, NativeSelect, Table, Text } from '@mantine/core';
import { ApiError, ErrorNotice, unwrap } from '@spotfunnel/shared';
import { useState } from 'react';
import { api } from '../api/client';
import type { User } from '../api/types';
import { formatDateTime } from '../common/format';
import { TenantSelect } from '../common/TenantSelect';

/**
 * One user: change their role (a customer needs a tenant) or deactivate them (their sessions end, admin-api and
 * dashboard-api answer them 403). Both apply from the user's next request; `changed` reloads the list.
 */
export function UserRow({ user, changed }: { user: User; changed: () => Promise<unknown> }) {
  const [role, setRole] = useState(user.role);
  const [tenantId, setTenantId] = useState(user.tenantId ?? '');
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<unknown>();
  const fieldErrors = error instanceof ApiError ? error.fieldErrors : {};
  const act = async (call: () => Promise<unknown>) => {
    setError(undefined);
    try {
      await call();
      setConfirming(false);
      await changed();
    } catch (e) {
      setError(e);
    }
  };
  const path = { params: { path: { userId: user.id } } };
  const saveRole = () => act(() => unwrap(api.PUT('/users/{userId}/role', {
    ...path, body: { role, ...(role === 'customer' ? { tenantId } : {}) },
  })));
  const deactivate = () => act(() => unwrap(api.POST('/users/{userId}/deactivate', path)));
  const roleChanged = role !== user.role || (role === 'customer' && tenantId !== (user.tenantId ?? ''));
  const active = !user.deactivatedAt;
  return (
    <Table.Tr data-user-id={user.id}>
      <Table.Td>{user.email}</Table.Td>
      <Table.Td>
        {active ? (
          <Group gap="xs" align="flex-end" wrap="wrap">
            <NativeSelect size="xs" label={`Role of ${user.email}`} value={role} error={fieldErrors.role}
              data={[{ value: 'customer', label: 'Customer' }, { value: 'admin', label: 'Operator (admin)' }]}
              onChange={(e) => setRole(e.currentTarget.value)} />
            {role === 'customer' && (
              <TenantSelect label={`Tenant of ${user.email}`} value={tenantId} onChange={setTenantId} />
            )}
            {fieldErrors.tenantId && <Text size="xs" c="red.9">{fieldErrors.tenantId}</Text>}
            <Button size="xs" variant="light" disabled={!roleChanged} onClick={() => void saveRole()}>Save role</Button>
          </Group>
        ) : <Badge color="gray">{user.role}</Badge>}
      </Table.Td>
      <Table.Td>{active ? (user.tenantId ?? '—') : <Badge color="red">Deactivated</Badge>}</Table.Td>
      <Table.Td>{formatDateTime(user.createdAt)}</Table.Td>
      <Table.Td>
        {active && !confirming && (
          <Button size="xs" color="red" variant="subtle" onClick={() => setConfirming(true)}>Deactivate</Button>
        )}
        {active && confirming && (
          <Group gap="xs">
            <Button size="xs" color="red" onClick={() => void deactivate()}>Deactivate {user.email}</Button>
            <Button size="xs" variant="default" onClick={() => setConfirming(false)}>Keep</Button>
          </Group>
        )}
        {!active && <Text size="xs" c="dimmed">by {user.deactivatedBy}, {formatDateTime(user.deactivatedAt!)}</Text>}
        <ErrorNotice error={error} />
      </Table.Td>
    </Table.Tr>
  );
}
