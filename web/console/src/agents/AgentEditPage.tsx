import { Alert, Anchor, Badge, Button, Center, Group, Loader, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core';
import { ApiError, ErrorNotice, useDraft } from '@spotfunnel/shared';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { AgentFields } from './AgentFields';
import { formToTenant, isAgentFormField, mapFieldErrors, ringSecondsError, tenantToForm, type TenantForm } from './agentForm';
import { differences, type Difference } from './diff';
import { getTenant, saveTenant, type VersionedTenant } from './tenantApi';

interface Draft {
  etag: string;
  form: TenantForm;
}

/** What a refused save left to decide: someone else saved meanwhile (412), shown with their version. */
interface Conflict {
  latest?: VersionedTenant;
  differences?: Difference[];
}

/**
 * One agent's whole configuration. The edit is kept as a draft (survives a trip through sign-in) together with
 * the ETag it started from; saving sends that ETag as If-Match, so a change saved meanwhile by someone else is
 * refused (412) and shown as a conflict to compare and resolve, never overwritten silently.
 */
export function AgentEditPage() {
  const { tenantId = '' } = useParams();
  const queries = useQueryClient();
  const loaded = useQuery({ queryKey: ['tenant', tenantId], queryFn: () => getTenant(tenantId) });
  const [draft, setDraft, clearDraft] = useDraft<Draft | null>(`agent.${tenantId}`, null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>();
  const [conflict, setConflict] = useState<Conflict>();
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    if (loaded.data && !draft) setDraft({ etag: loaded.data.etag, form: tenantToForm(loaded.data.tenant) });
  }, [loaded.data, draft, setDraft]);

  if (loaded.isPending) return <Center p="xl"><Loader aria-label="Loading the agent" /></Center>;
  if (loaded.isError) return <ErrorNotice error={loaded.error} onRetry={() => loaded.refetch()} />;
  if (!draft) return null;

  const tenant = loaded.data.tenant;
  const setForm = (form: TenantForm) => {
    setSaved(false);
    setDraft({ ...draft, form });
  };

  const save = async (etag: string) => {
    if (ringSecondsError(draft.form.agent.ringSeconds)) return; // already shown on its field; nothing is sent
    setSaving(true);
    setError(undefined);
    setFieldErrors({});
    try {
      const result = await saveTenant(tenantId, formToTenant(tenantId, draft.form), etag);
      queries.setQueryData(['tenant', tenantId], result);
      queries.invalidateQueries({ queryKey: ['tenants'] });
      setDraft({ etag: result.etag, form: tenantToForm(result.tenant) });
      setConflict(undefined);
      setSaved(true);
    } catch (e) {
      if (e instanceof ApiError && e.kind === 'precondition') {
        setConflict({});
      } else {
        if (e instanceof ApiError) setFieldErrors(mapFieldErrors(e.fieldErrors));
        setError(e);
      }
    } finally {
      setSaving(false);
    }
  };

  const compare = async () => {
    try {
      const latest = await getTenant(tenantId);
      setConflict({
        latest,
        differences: differences(formToTenant(tenantId, draft.form), formToTenant(tenantId, tenantToForm(latest.tenant))),
      });
    } catch (e) {
      setError(e);
    }
  };

  const takeTheirs = async () => {
    const latest = conflict?.latest ?? await getTenant(tenantId);
    queries.setQueryData(['tenant', tenantId], latest);
    clearDraft();
    setDraft({ etag: latest.etag, form: tenantToForm(latest.tenant) });
    setConflict(undefined);
    setFieldErrors({});
  };

  const unplaced = Object.entries(fieldErrors).filter(([key]) => !isAgentFormField(key));
  const form = draft.form;
  return (
    <Stack maw={900}>
      <Group justify="space-between" wrap="wrap">
        <div>
          <Anchor component={Link} to="/agents" size="sm">← Agents</Anchor>
          <Title order={2}>{tenant.name || tenantId}</Title>
          <Text size="sm" c="dimmed">{tenantId} · version {tenant.version}</Text>
        </div>
        <Badge color={tenant.active ? 'green' : 'gray'}>{tenant.active ? 'Active' : 'Inactive'}</Badge>
      </Group>
      {conflict && (
        <Alert color="orange" title="Changed meanwhile" role="alert">
          <Stack gap="xs">
            <Text size="sm">
              Someone else saved this agent while you were editing it. Your changes are not saved and nothing was
              overwritten. Compare your edit with theirs, then keep theirs or save yours over it.
            </Text>
            {conflict.differences && (
              conflict.differences.length === 0
                ? <Text size="sm">Their version has the same settings as your edit.</Text>
                : <Table.ScrollContainer minWidth={480}>
                  <Table aria-label="Your edit compared with the saved version">
                    <Table.Thead><Table.Tr><Table.Th>Setting</Table.Th><Table.Th>Yours</Table.Th><Table.Th>Saved meanwhile (version {conflict.latest?.tenant.version})</Table.Th></Table.Tr></Table.Thead>
                    <Table.Tbody>
                      {conflict.differences.map((d) => (
                        <Table.Tr key={d.field}><Table.Td>{d.field}</Table.Td><Table.Td>{d.mine || '—'}</Table.Td><Table.Td>{d.theirs || '—'}</Table.Td></Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
            )}
            <Group gap="xs">
              {!conflict.latest && <Button size="xs" variant="light" onClick={compare}>Compare with theirs</Button>}
              <Button size="xs" variant="light" color="gray" onClick={takeTheirs}>Discard mine and reload</Button>
              {conflict.latest && (
                <Button size="xs" color="orange" loading={saving} onClick={() => save(conflict.latest!.etag)}>
                  Save mine over theirs
                </Button>
              )}
            </Group>
          </Stack>
        </Alert>
      )}
      <form onSubmit={(e) => { e.preventDefault(); void save(draft.etag); }} noValidate>
        <Stack>
          <Group grow align="flex-start" wrap="wrap">
            <TextInput label="Name" required value={form.name} error={fieldErrors.name} miw={220}
              onChange={(e) => setForm({ ...form, name: e.currentTarget.value })} />
            <TextInput label="Industry" value={form.industry} error={fieldErrors.industry} miw={220}
              onChange={(e) => setForm({ ...form, industry: e.currentTarget.value })} />
          </Group>
          <Switch label="Active (answers calls)" checked={form.active}
            onChange={(e) => setForm({ ...form, active: e.currentTarget.checked })} />
          <AgentFields value={form.agent} errors={fieldErrors} onChange={(agent) => setForm({ ...form, agent })} />
          {unplaced.length > 0 && (
            <Alert color="red" title="Also wrong">{unplaced.map(([k, v]) => <Text key={k} size="sm">{k} {v}</Text>)}</Alert>
          )}
          <ErrorNotice error={error} />
          {saved && <Alert color="green" role="status">Saved as version {tenant.version}.</Alert>}
          <Group>
            <Button type="submit" loading={saving} disabled={!!conflict}>Save</Button>
            <Button variant="subtle" onClick={takeTheirs}>Discard changes</Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
