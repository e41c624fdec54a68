import { Badge, Button, Card, Group, NumberInput, Progress, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { ApiError, ErrorNotice, unwrap } from '@spotfunnel/shared';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { api } from '../api/client';
import type { StressTestRun } from '../api/types';
import { formatUsd } from '../common/format';
import { TenantSelect } from '../common/TenantSelect';

/** How often a running stress test is asked for its progress. */
const POLL_MS = 2000;

/**
 * The launch gate: adversarial conversations against a tenant's agent, judged. The run's id is in the address,
 * so a reload keeps watching it.
 */
export default function StressTestPage() {
  const [params, setParams] = useSearchParams();
  const runId = params.get('run') ?? '';
  const [form, setForm] = useState({ tenantId: sessionStorage.getItem('console.tenant') ?? '', numConversations: 12, maxTurns: 6, systemPrompt: '' });
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const fieldErrors = error instanceof ApiError ? error.fieldErrors : {};
  const run = useQuery({
    queryKey: ['stress-run', runId],
    enabled: runId !== '',
    queryFn: async () => (await unwrap(api.GET('/api/stress-test/runs/{id}', { params: { path: { id: runId } } }))) as unknown as StressTestRun,
    refetchInterval: (query) => (query.state.data?.status === 'running' ? POLL_MS : false),
  });
  const start = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const started = (await unwrap(api.POST('/api/stress-test/run', { body: {
        tenantId: form.tenantId, numConversations: form.numConversations, maxTurns: form.maxTurns,
        ...(form.systemPrompt.trim() ? { systemPrompt: form.systemPrompt } : {}),
      } }))) as unknown as StressTestRun;
      setParams({ run: started.id });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const data = run.data;
  return (
    <Stack maw={1000}>
      <Title order={2}>Agent stress test</Title>
      <Card withBorder>
        <form noValidate onSubmit={(e) => { e.preventDefault(); void start(); }}>
          <Stack gap="xs">
            <TenantSelect value={form.tenantId} onChange={(tenantId) => setForm({ ...form, tenantId })} />
            {fieldErrors.tenantId && <Text c="red" size="sm">Tenant {fieldErrors.tenantId}</Text>}
            <Group wrap="wrap" align="flex-start">
              <NumberInput label="Conversations" min={1} max={100} value={form.numConversations} error={fieldErrors.numConversations}
                onChange={(v) => setForm({ ...form, numConversations: Number(v) || 1 })} w={160} />
              <NumberInput label="Caller lines each" min={1} max={20} value={form.maxTurns} error={fieldErrors.maxTurns}
                onChange={(v) => setForm({ ...form, maxTurns: Number(v) || 1 })} w={160} />
            </Group>
            <Textarea label="Draft system prompt (optional)" description="Try a prompt before saving it; empty = the agent's own" autosize minRows={2}
              value={form.systemPrompt} error={fieldErrors.systemPrompt} onChange={(e) => setForm({ ...form, systemPrompt: e.currentTarget.value })} />
            {!(error instanceof ApiError && error.kind === 'invalid') && <ErrorNotice error={error} />}
            <Group><Button type="submit" loading={busy} disabled={!form.tenantId}>Start the run</Button></Group>
          </Stack>
        </form>
      </Card>
      <ErrorNotice error={run.error} onRetry={() => run.refetch()} />
      {data && <RunView run={data} />}
    </Stack>
  );
}

function RunView({ run }: { run: StressTestRun }) {
  const percent = run.progress.total > 0 ? Math.round((run.progress.completed / run.progress.total) * 100) : 0;
  const summary = run.summary;
  return (
    <Card withBorder>
      <Stack>
        <Group justify="space-between">
          <Title order={3} size="h4">Run {run.id} · {run.tenantId}</Title>
          <Badge color={run.status === 'completed' ? 'green' : 'blue'}>{run.status}</Badge>
        </Group>
        <div>
          <Text size="sm" id="run-progress">{run.progress.completed} of {run.progress.total} conversations done</Text>
          <Progress.Root>
            <Progress.Section value={percent} aria-labelledby="run-progress" animated={run.status === 'running'} />
          </Progress.Root>
        </div>
        {summary && (
          <SimpleGrid cols={{ base: 2, sm: 4 }}>
            <Text><b>{summary.passRate}%</b> passed (bar {summary.launchBar}%)</Text>
            <Text>{summary.meetsLaunchBar ? '✓ meets the launch bar' : '✗ below the launch bar'}</Text>
            <Text>{summary.durationSeconds}s (target {summary.targetSeconds}s)</Text>
            <Text>Cost {formatUsd(summary.costs?.totalUsd)}</Text>
          </SimpleGrid>
        )}
        {(run.conversations ?? []).map((c) => (
          <details key={c.index}>
            <summary>
              #{c.index} {c.persona}: <b>{c.result?.overallResult ?? (c.error ? 'ERROR' : '…')}</b> · ended by {c.ending}
            </summary>
            <Stack gap={4} pl="md" py="xs">
              {c.result && <Text size="sm">Politeness {c.result.politeness}/5 · accuracy {c.result.accuracy}/5 · escalation {c.result.escalation}/5 — {c.result.reason}</Text>}
              {c.error && <Text size="sm" c="red">{c.error}</Text>}
              {(c.turns ?? []).map((t, i) => (
                <Text key={i} size="sm"><b>{t.speaker}:</b> {t.text}</Text>
              ))}
            </Stack>
          </details>
        ))}
      </Stack>
    </Card>
  );
}
