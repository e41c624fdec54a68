import { Anchor, Badge, Button, Card, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { ApiError, ErrorNotice, useDraft } from '@spotfunnel/shared';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { formatDateTime } from '../common/format';
import { onboardingApi } from './onboardingApi';
import { resumeStep, STEP_TITLES } from './wizard';

/** Onboardings in progress (each resumable where it stopped) and the wizard's first step: a new tenant's id and name. */
export default function OnboardingPage() {
  const open = useQuery({ queryKey: ['onboarding'], queryFn: onboardingApi.open });
  const navigate = useNavigate();
  const [start, setStart, clearStart] = useDraft('onboarding.start', { tenantId: '', name: '', industry: '' });
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const fieldErrors = error instanceof ApiError ? error.fieldErrors : {};

  const begin = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const session = await onboardingApi.start(start);
      clearStart();
      navigate(`/onboarding/${session.id}`);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack maw={900}>
      <Title order={2}>Onboarding</Title>
      <Card withBorder>
        <form onSubmit={(e) => { e.preventDefault(); void begin(); }} noValidate>
          <Stack gap="sm">
            <Title order={3} size="h4">Start a new tenant</Title>
            <Group grow align="flex-start" wrap="wrap">
              <TextInput label="Tenant id" description="2-63 of a-z, 0-9 and -" required miw={200} value={start.tenantId}
                error={fieldErrors.tenantId} onChange={(e) => setStart({ ...start, tenantId: e.currentTarget.value })} />
              <TextInput label="Business name" required miw={200} value={start.name} error={fieldErrors.name}
                onChange={(e) => setStart({ ...start, name: e.currentTarget.value })} />
              <TextInput label="Industry" miw={160} value={start.industry} error={fieldErrors.industry}
                onChange={(e) => setStart({ ...start, industry: e.currentTarget.value })} />
            </Group>
            <ErrorNotice error={error} />
            <Group><Button type="submit" loading={busy}>Start onboarding</Button></Group>
          </Stack>
        </form>
      </Card>
      <Title order={3} size="h4">In progress</Title>
      <ErrorNotice error={open.error} onRetry={() => open.refetch()} />
      {open.data && (open.data.length === 0 ? <Text c="dimmed">No onboarding in progress.</Text> : (
        <Table.ScrollContainer minWidth={520}>
          <Table aria-label="Onboardings in progress">
            <Table.Thead><Table.Tr><Table.Th>Tenant</Table.Th><Table.Th>Next step</Table.Th><Table.Th>Status</Table.Th><Table.Th>Last saved</Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>
              {open.data.map((session) => (
                <Table.Tr key={session.id}>
                  <Table.Td><Anchor component={Link} to={`/onboarding/${session.id}`}>Resume {session.name || session.tenantId}</Anchor>
                    <Text size="xs" c="dimmed">{session.tenantId}</Text></Table.Td>
                  <Table.Td>{STEP_TITLES[resumeStep(session)]}</Table.Td>
                  <Table.Td><Badge variant="light">{session.status}</Badge></Table.Td>
                  <Table.Td>{formatDateTime(session.updatedAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ))}
    </Stack>
  );
}
