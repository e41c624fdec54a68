import { Badge, Button, Card, Group, Loader, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { ApiError, ErrorNotice, unwrap, useDraft } from '@spotfunnel/shared';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../api/client';
import type { KnowledgeBase, KnowledgeDocument, Passage } from '../api/types';
import { TenantSelect } from '../common/TenantSelect';

/** A tenant's knowledge bases: create, add and remove documents, and try a question as the agent would ask it. */
export default function KnowledgePage() {
  const [tenantId, setTenantId] = useState(() => sessionStorage.getItem('console.tenant') ?? '');
  const pick = (id: string) => {
    sessionStorage.setItem('console.tenant', id);
    setTenantId(id);
  };
  return (
    <Stack maw={1000}>
      <Title order={2}>Knowledge bases</Title>
      <TenantSelect value={tenantId} onChange={pick} />
      {tenantId && <TenantKnowledge tenantId={tenantId} />}
    </Stack>
  );
}

function TenantKnowledge({ tenantId }: { tenantId: string }) {
  const queries = useQueryClient();
  const bases = useQuery({
    queryKey: ['kbs', tenantId],
    queryFn: async () => (await unwrap(api.GET('/tenants/{tenantId}/knowledge-bases', { params: { path: { tenantId } } }))) as KnowledgeBase[],
  });
  const [draft, setDraft, clearDraft] = useDraft(`kb.new.${tenantId}`, { name: '', description: '' });
  const [error, setError] = useState<unknown>();
  const [openId, setOpenId] = useState<string>();
  const fieldErrors = error instanceof ApiError ? error.fieldErrors : {};
  const create = async () => {
    setError(undefined);
    try {
      const kb = (await unwrap(api.POST('/tenants/{tenantId}/knowledge-bases', { params: { path: { tenantId } }, body: draft }))) as unknown as KnowledgeBase;
      clearDraft();
      await queries.invalidateQueries({ queryKey: ['kbs', tenantId] });
      setOpenId(kb.id);
    } catch (e) {
      setError(e);
    }
  };
  return (
    <>
      <Card withBorder>
        <form onSubmit={(e) => { e.preventDefault(); void create(); }} noValidate>
          <Group align="flex-end" wrap="wrap">
            <TextInput label="New knowledge base" placeholder="Prices and services" required value={draft.name} error={fieldErrors.name}
              onChange={(e) => setDraft({ ...draft, name: e.currentTarget.value })} />
            <TextInput label="Description" value={draft.description} error={fieldErrors.description}
              onChange={(e) => setDraft({ ...draft, description: e.currentTarget.value })} />
            <Button type="submit">Create</Button>
          </Group>
          {!(error instanceof ApiError && error.kind === 'invalid') && <ErrorNotice error={error} />}
        </form>
      </Card>
      {bases.isLoading && <Loader aria-label="Loading knowledge bases" />}
      <ErrorNotice error={bases.error} onRetry={() => bases.refetch()} />
      {bases.data?.length === 0 && <Text c="dimmed">This tenant has no knowledge base yet.</Text>}
      {(bases.data ?? []).map((kb) => (
        <Card key={kb.id} withBorder>
          <Group justify="space-between" wrap="wrap">
            <div>
              <Title order={3} size="h4">{kb.name}</Title>
              <Text size="sm" c="dimmed">{kb.description || 'No description'} · {kb.documents} documents</Text>
            </div>
            <Button size="xs" variant="light" onClick={() => setOpenId(openId === kb.id ? undefined : kb.id)} aria-expanded={openId === kb.id}>
              {openId === kb.id ? 'Close' : 'Open'} {kb.name}
            </Button>
          </Group>
          {openId === kb.id && <Documents tenantId={tenantId} kb={kb} />}
        </Card>
      ))}
      {(bases.data?.length ?? 0) > 0 && <TryQuestion tenantId={tenantId} />}
    </>
  );
}

function Documents({ tenantId, kb }: { tenantId: string; kb: KnowledgeBase }) {
  const queries = useQueryClient();
  const path = { tenantId, kbId: kb.id };
  const docs = useQuery({
    queryKey: ['kb-docs', kb.id],
    queryFn: async () => (await unwrap(api.GET('/tenants/{tenantId}/knowledge-bases/{kbId}/documents', { params: { path } }))) as KnowledgeDocument[],
  });
  const [draft, setDraft, clearDraft] = useDraft(`kb.doc.${kb.id}`, { title: '', content: '' });
  const [error, setError] = useState<unknown>();
  const fieldErrors = error instanceof ApiError ? error.fieldErrors : {};
  const refresh = () => Promise.all([
    queries.invalidateQueries({ queryKey: ['kb-docs', kb.id] }),
    queries.invalidateQueries({ queryKey: ['kbs', tenantId] }),
  ]);
  const act = async (action: () => Promise<unknown>) => {
    setError(undefined);
    try {
      await action();
      await refresh();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <Stack mt="sm">
      {docs.isLoading && <Loader size="sm" aria-label="Loading documents" />}
      {docs.data && docs.data.length > 0 && (
        <Table.ScrollContainer minWidth={400}>
          <Table aria-label={`Documents of ${kb.name}`}>
            <Table.Thead><Table.Tr><Table.Th>Title</Table.Th><Table.Th ta="right">Characters</Table.Th><Table.Th ta="right">Passages</Table.Th><Table.Th /></Table.Tr></Table.Thead>
            <Table.Tbody>
              {docs.data.map((d) => (
                <Table.Tr key={d.id}>
                  <Table.Td>{d.title}</Table.Td><Table.Td ta="right">{d.chars}</Table.Td><Table.Td ta="right">{d.chunks}</Table.Td>
                  <Table.Td><Button size="compact-xs" color="red" variant="subtle" aria-label={`Remove ${d.title}`}
                    onClick={() => void act(() => unwrap(api.DELETE('/tenants/{tenantId}/knowledge-bases/{kbId}/documents/{documentId}', { params: { path: { ...path, documentId: d.id } } })))}>Remove</Button></Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <form noValidate onSubmit={(e) => {
        e.preventDefault();
        void act(async () => {
          await unwrap(api.POST('/tenants/{tenantId}/knowledge-bases/{kbId}/documents', { params: { path }, body: draft }));
          clearDraft();
        });
      }}>
        <Stack gap="xs">
          <TextInput label="Document title" required value={draft.title} error={fieldErrors.title}
            onChange={(e) => setDraft({ ...draft, title: e.currentTarget.value })} />
          <Textarea label="Document text" required autosize minRows={3} maxRows={12} value={draft.content} error={fieldErrors.content}
            onChange={(e) => setDraft({ ...draft, content: e.currentTarget.value })} />
          <ErrorNotice error={error instanceof ApiError && Object.keys(error.fieldErrors).length > 0 ? undefined : error} />
          <Group>
            <Button type="submit" size="xs">Add document</Button>
            <Button size="xs" color="red" variant="subtle"
              onClick={() => void act(() => unwrap(api.DELETE('/tenants/{tenantId}/knowledge-bases/{kbId}', { params: { path } })))}>
              Delete knowledge base {kb.name}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}

function TryQuestion({ tenantId }: { tenantId: string }) {
  const [question, setQuestion] = useState('');
  const [asked, setAsked] = useState('');
  const passages = useQuery({
    queryKey: ['kb-search', tenantId, asked],
    enabled: asked !== '',
    queryFn: async () => (await unwrap(api.GET('/tenants/{tenantId}/knowledge/search', { params: { path: { tenantId }, query: { q: asked, limit: 5 } } }))) as Passage[],
  });
  return (
    <Card withBorder>
      <Title order={3} size="h4" mb="xs">Try a question</Title>
      <form onSubmit={(e) => { e.preventDefault(); setAsked(question.trim()); }}>
        <Group align="flex-end" wrap="wrap">
          <TextInput label="A caller asks" placeholder="How much is a check-up?" value={question} miw={280}
            onChange={(e) => setQuestion(e.currentTarget.value)} />
          <Button type="submit" disabled={question.trim() === ''}>Search</Button>
        </Group>
      </form>
      {passages.isLoading && <Loader size="sm" aria-label="Searching" />}
      <ErrorNotice error={passages.error} />
      {passages.data && (
        <Stack mt="sm" gap="xs" aria-live="polite">
          <Text size="sm">{passages.data.length === 0 ? 'No passage matches: the agent would answer without knowledge.' : `The agent would get ${passages.data.length} passages:`}</Text>
          {passages.data.map((p) => (
            <Card key={`${p.documentId}-${p.ord}`} withBorder padding="xs">
              <Group gap="xs"><Badge variant="light">{p.documentTitle}</Badge><Text size="xs" c="dimmed">rank {p.rank.toFixed(3)}</Text></Group>
              <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>{p.content}</Text>
            </Card>
          ))}
        </Stack>
      )}
    </Card>
  );
}
