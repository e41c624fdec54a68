import { Alert, Anchor, Button, Card, Center, Group, List, Loader, Stack, Stepper, Text, TextInput, Textarea, Title } from '@mantine/core';
import { ApiError, ErrorNotice } from '@spotfunnel/shared';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { OnboardingSession, TenantView } from '../api/types';
import { AgentFields } from '../agents/AgentFields';
import { agentToForm, formToAgent, mapFieldErrors } from '../agents/agentForm';
import { onboardingApi } from './onboardingApi';
import { isDone, missingForCompletion, parseNumbers, resumeStep, STEP_TITLES, STEPS, type Step } from './wizard';

/**
 * The onboarding wizard over admin-api's session: every step is saved on the server as it is left, so closing
 * the browser loses nothing and opening the session again continues at the first step not yet saved.
 */
export default function WizardPage() {
  const { sessionId = '' } = useParams();
  const session = useQuery({ queryKey: ['onboarding', sessionId], queryFn: () => onboardingApi.get(sessionId) });
  if (session.isPending) return <Center p="xl"><Loader aria-label="Loading the onboarding" /></Center>;
  if (session.isError) return <ErrorNotice error={session.error} onRetry={() => session.refetch()} />;
  return <Wizard session={session.data} />;
}

function Wizard({ session }: { session: OnboardingSession }) {
  const queries = useQueryClient();
  const [step, setStep] = useState<Step>(() => resumeStep(session));
  const [created, setCreated] = useState<TenantView>();
  const saved = (next: OnboardingSession, go: Step) => {
    queries.setQueryData(['onboarding', session.id], next);
    queries.invalidateQueries({ queryKey: ['onboarding'], exact: true });
    setStep(go);
  };
  const active = STEPS.indexOf(step);
  return (
    <Stack maw={900}>
      <div>
        <Anchor component={Link} to="/onboarding" size="sm">← Onboarding</Anchor>
        <Title order={2}>Onboarding {session.name || session.tenantId}</Title>
        <Text size="sm" c="dimmed">{session.tenantId} · {session.status}</Text>
      </div>
      <Stepper active={active} onStepClick={(i) => !created && setStep(STEPS[i])} size="sm" wrap
        aria-label="Onboarding steps">
        {STEPS.map((s) => (
          <Stepper.Step key={s} label={STEP_TITLES[s]} allowStepSelect={s !== 'start' && !created}
            completedIcon={isDone(session, s) ? undefined : null}
            description={s === 'start' ? 'done' : isDone(session, s) ? 'saved' : undefined} />
        ))}
      </Stepper>
      {created ? (
        <Alert color="green" title="Tenant created" role="status">
          <Text size="sm">{created.name} is live (version {created.version}). </Text>
          <Anchor component={Link} to={`/agents/${encodeURIComponent(created.tenantId)}`}>Open its agent</Anchor>
        </Alert>
      ) : (
        <Card withBorder>
          {step === 'start' && <Text>The tenant {session.tenantId} is reserved for this onboarding. Continue with its system prompt.</Text>}
          {step === 'agent' && <AgentStep session={session} onSaved={(s) => saved(s, 'knowledge')} />}
          {step === 'knowledge' && <KnowledgeStep session={session} onSaved={(s) => saved(s, 'telephony')} />}
          {step === 'telephony' && <TelephonyStep session={session} onSaved={(s) => saved(s, 'review')} />}
          {step === 'review' && <ReviewStep session={session} onGo={setStep} onCreated={setCreated} />}
        </Card>
      )}
    </Stack>
  );
}

/** Runs one save; keeps its error (field errors by API name) for the step to show. */
function useSave() {
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const run = async <T,>(save: () => Promise<T>, then: (value: T) => void) => {
    setBusy(true);
    setError(undefined);
    try {
      then(await save());
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const fieldErrors = error instanceof ApiError ? error.fieldErrors : {};
  return { error, busy, run, fieldErrors };
}

function AgentStep({ session, onSaved }: { session: OnboardingSession; onSaved: (s: OnboardingSession) => void }) {
  const [form, setForm] = useState(() => agentToForm(session.agent));
  const { error, busy, run, fieldErrors } = useSave();
  return (
    <form onSubmit={(e) => { e.preventDefault(); void run(() => onboardingApi.saveAgent(session.id, formToAgent(form)), onSaved); }} noValidate>
      <Stack>
        <Title order={3} size="h4">System prompt and agent</Title>
        <AgentFields value={form} onChange={setForm} errors={mapFieldErrors(fieldErrors)} />
        <ErrorNotice error={error} />
        <Group><Button type="submit" loading={busy}>Save and continue</Button></Group>
      </Stack>
    </form>
  );
}

interface DocumentDraft { title: string; content: string }
interface BaseDraft { name: string; description: string; documents: DocumentDraft[] }

function KnowledgeStep({ session, onSaved }: { session: OnboardingSession; onSaved: (s: OnboardingSession) => void }) {
  const [bases, setBases] = useState<BaseDraft[]>(() => (session.knowledge?.knowledgeBases ?? []).map((kb) => ({
    name: kb.name ?? '', description: kb.description ?? '',
    documents: (kb.documents ?? []).map((d) => ({ title: d.title ?? '', content: d.content ?? '' })),
  })));
  const { error, busy, run, fieldErrors } = useSave();
  const setBase = (i: number, base: BaseDraft) => setBases(bases.map((b, j) => (j === i ? base : b)));
  const save = (list: BaseDraft[]) => run(() => onboardingApi.saveKnowledge(session.id, { knowledgeBases: list }), onSaved);
  return (
    <form onSubmit={(e) => { e.preventDefault(); void save(bases); }} noValidate>
      <Stack>
        <Title order={3} size="h4">Knowledge base (optional)</Title>
        <Text size="sm" c="dimmed">Facts the agent may look up during a call: prices, opening times, services.</Text>
        {bases.map((base, i) => (
          <Card key={i} withBorder>
            <Stack gap="xs">
              <TextInput label={`Knowledge base ${i + 1} name`} required value={base.name} error={fieldErrors[`knowledgeBases[${i}].name`]}
                onChange={(e) => setBase(i, { ...base, name: e.currentTarget.value })} />
              <TextInput label="Description" value={base.description} error={fieldErrors[`knowledgeBases[${i}].description`]}
                onChange={(e) => setBase(i, { ...base, description: e.currentTarget.value })} />
              {base.documents.map((doc, d) => (
                <Stack key={d} gap={4} pl="md">
                  <TextInput label={`Document ${d + 1} title`} value={doc.title} error={fieldErrors[`knowledgeBases[${i}].documents[${d}].title`]}
                    onChange={(e) => setBase(i, { ...base, documents: base.documents.map((x, k) => (k === d ? { ...doc, title: e.currentTarget.value } : x)) })} />
                  <Textarea label={`Document ${d + 1} text`} autosize minRows={3} value={doc.content}
                    error={fieldErrors[`knowledgeBases[${i}].documents[${d}].content`]}
                    onChange={(e) => setBase(i, { ...base, documents: base.documents.map((x, k) => (k === d ? { ...doc, content: e.currentTarget.value } : x)) })} />
                </Stack>
              ))}
              <Group gap="xs">
                <Button size="xs" variant="light" onClick={() => setBase(i, { ...base, documents: [...base.documents, { title: '', content: '' }] })}>Add document</Button>
                <Button size="xs" variant="subtle" color="red" onClick={() => setBases(bases.filter((_, j) => j !== i))}>Remove knowledge base {i + 1}</Button>
              </Group>
            </Stack>
          </Card>
        ))}
        <Group><Button variant="light" size="xs" onClick={() => setBases([...bases, { name: '', description: '', documents: [{ title: '', content: '' }] }])}>Add a knowledge base</Button></Group>
        <ErrorNotice error={error} />
        <Group>
          <Button type="submit" loading={busy}>Save and continue</Button>
          <Button variant="subtle" onClick={() => void save([])}>Skip (no knowledge base)</Button>
        </Group>
      </Stack>
    </form>
  );
}

function TelephonyStep({ session, onSaved }: { session: OnboardingSession; onSaved: (s: OnboardingSession) => void }) {
  const [text, setText] = useState(() => (session.phoneNumbers ?? []).join('\n'));
  const { error, busy, run, fieldErrors } = useSave();
  const numberErrors = Object.entries(fieldErrors).filter(([field]) => field.startsWith('phoneNumbers'))
    .map(([field, message]) => {
      const index = /\[(\d+)\]/.exec(field)?.[1];
      return index === undefined ? message : `${parseNumbers(text)[Number(index)] ?? field} ${message}`;
    });
  return (
    <form onSubmit={(e) => { e.preventDefault(); void run(() => onboardingApi.saveTelephony(session.id, parseNumbers(text)), onSaved); }} noValidate>
      <Stack>
        <Title order={3} size="h4">Telephony</Title>
        <Textarea label="Phone numbers" description="E.164 (+15005550006), one per line; callers reach the agent on these" required
          autosize minRows={2} value={text} error={numberErrors.join('; ') || undefined} onChange={(e) => setText(e.currentTarget.value)} />
        <ErrorNotice error={error} />
        <Group><Button type="submit" loading={busy}>Save and continue</Button></Group>
      </Stack>
    </form>
  );
}

function ReviewStep({ session, onGo, onCreated }: {
  session: OnboardingSession;
  onGo: (step: Step) => void;
  onCreated: (tenant: TenantView) => void;
}) {
  const queries = useQueryClient();
  const { error, busy, run } = useSave();
  const missing = missingForCompletion(session);
  const bases = session.knowledge?.knowledgeBases ?? [];
  return (
    <Stack>
      <Title order={3} size="h4">Review</Title>
      <List spacing="xs">
        <List.Item><b>Tenant</b>: {session.name} ({session.tenantId}){session.industry ? `, ${session.industry}` : ''}</List.Item>
        <List.Item><b>Greeting</b>: {session.agent?.greeting ?? <i>not saved</i>} <Button size="compact-xs" variant="subtle" onClick={() => onGo('agent')}>Edit</Button></List.Item>
        <List.Item><b>System prompt</b>: {session.agent?.systemPrompt ? `${session.agent.systemPrompt.length} characters` : <i>not saved</i>}</List.Item>
        <List.Item><b>Knowledge</b>: {bases.length === 0 ? 'none' : bases.map((b) => `${b.name} (${b.documents?.length ?? 0} documents)`).join(', ')} <Button size="compact-xs" variant="subtle" onClick={() => onGo('knowledge')}>Edit</Button></List.Item>
        <List.Item><b>Numbers</b>: {(session.phoneNumbers ?? []).join(', ') || <i>not saved</i>} <Button size="compact-xs" variant="subtle" onClick={() => onGo('telephony')}>Edit</Button></List.Item>
      </List>
      {missing.length > 0 && (
        <Alert color="yellow" title="Not ready yet">Still to do: {missing.map((s) => STEP_TITLES[s]).join(', ')}.</Alert>
      )}
      <ErrorNotice error={error} />
      <Group>
        <Button disabled={missing.length > 0} loading={busy}
          onClick={() => void run(() => onboardingApi.complete(session.id), (tenant) => {
            queries.invalidateQueries({ queryKey: ['tenants'] });
            queries.invalidateQueries({ queryKey: ['onboarding'] });
            onCreated(tenant);
          })}>
          Complete: create the tenant
        </Button>
      </Group>
    </Stack>
  );
}
