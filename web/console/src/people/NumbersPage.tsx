import { Button, Card, Group, Loader, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { ApiError, ErrorNotice, unwrap } from '@spotfunnel/shared';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../api/client';
import { TenantSelect } from '../common/TenantSelect';
import { parseNumbers } from '../onboarding/wizard';

/** A tenant's phone numbers (E.164, unique across tenants): add and remove. */
export default function NumbersPage() {
  const [tenantId, setTenantId] = useState(() => sessionStorage.getItem('console.tenant') ?? '');
  const queries = useQueryClient();
  const numbers = useQuery({
    queryKey: ['numbers', tenantId],
    enabled: tenantId !== '',
    queryFn: async () => (await unwrap(api.GET('/tenants/{tenantId}/phone-numbers', { params: { path: { tenantId } } }))) as string[],
  });
  const [text, setText] = useState('');
  const [error, setError] = useState<unknown>();
  const act = async (action: () => Promise<unknown>) => {
    setError(undefined);
    try {
      await action();
      await queries.invalidateQueries({ queryKey: ['numbers', tenantId] });
      await queries.invalidateQueries({ queryKey: ['tenants'] });
      return true;
    } catch (e) {
      setError(e);
      return false;
    }
  };
  const fieldError = error instanceof ApiError ? Object.entries(error.fieldErrors).map(([f, m]) => `${f} ${m}`).join('; ') : '';
  return (
    <Stack maw={800}>
      <Title order={2}>Phone numbers</Title>
      <TenantSelect value={tenantId} onChange={(id) => { sessionStorage.setItem('console.tenant', id); setTenantId(id); setError(undefined); }} />
      {tenantId && (
        <Card withBorder>
          <form noValidate onSubmit={(e) => {
            e.preventDefault();
            void act(() => unwrap(api.POST('/tenants/{tenantId}/phone-numbers', { params: { path: { tenantId } }, body: { numbers: parseNumbers(text) } })))
              .then((ok) => ok && setText(''));
          }}>
            <Group align="flex-start" wrap="wrap">
              <TextInput label="Add numbers" description="E.164, separated by commas" placeholder="+15005550006" value={text}
                error={fieldError || undefined} onChange={(e) => setText(e.currentTarget.value)} miw={280} />
              <Button type="submit" mt={{ base: 0, xs: 42 }}>Add</Button>
            </Group>
          </form>
          {!fieldError && <ErrorNotice error={error} />}
          {numbers.isLoading && <Loader aria-label="Loading numbers" />}
          <ErrorNotice error={numbers.error} onRetry={() => numbers.refetch()} />
          {numbers.data && (numbers.data.length === 0 ? <Text mt="sm" c="dimmed">No numbers: callers cannot reach this agent yet.</Text> : (
            <Table mt="sm" aria-label="Numbers">
              <Table.Tbody>
                {numbers.data.map((n) => (
                  <Table.Tr key={n}><Table.Td>{n}</Table.Td>
                    <Table.Td ta="right"><Button size="compact-xs" color="red" variant="subtle" aria-label={`Remove ${n}`}
                      onClick={() => void act(() => unwrap(api.DELETE('/tenants/{tenantId}/phone-numbers/{number}', { params: { path: { tenantId, number: n } } })))}>Remove</Button></Table.Td></Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          ))}
        </Card>
      )}
    </Stack>
  );
}
