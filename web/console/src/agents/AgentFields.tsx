import { ActionIcon, Button, Fieldset, Group, Input, NativeSelect, Stack, Switch, Text, TextInput, Textarea } from '@mantine/core';
import {
  DAYS, KNOWN_PROVIDERS, RING_SECONDS, ringSecondsError, STAGE_NAMES, STAGES, type AgentForm, type HoursRow, type Stage,
} from './agentForm';

/**
 * Every setting of an agent: prompt, greeting, voice, transfer number, ring time and warm transfer, the provider order of each stage and the
 * business hours. Used by the agent editor and the onboarding wizard's agent step. `errors` are keyed by form
 * field (agentForm.mapFieldErrors) and shown on their input.
 */
export function AgentFields({ value, onChange, errors }: {
  value: AgentForm;
  onChange: (value: AgentForm) => void;
  errors: Record<string, string>;
}) {
  const set = <K extends keyof AgentForm>(key: K, field: AgentForm[K]) => onChange({ ...value, [key]: field });
  return (
    <Stack gap="md">
      <Textarea label="System prompt" description="What the agent is and how it answers" required autosize minRows={4} maxRows={16}
        value={value.systemPrompt} error={errors.systemPrompt} onChange={(e) => set('systemPrompt', e.currentTarget.value)} />
      <Textarea label="Greeting" description="The first thing a caller hears" required autosize minRows={2}
        value={value.greeting} error={errors.greeting} onChange={(e) => set('greeting', e.currentTarget.value)} />
      <Group grow align="flex-start" wrap="wrap">
        <TextInput label="Voice" description="The TTS voice id; empty = the provider's default" miw={220}
          value={value.voice} error={errors.voice} onChange={(e) => set('voice', e.currentTarget.value)} />
        <TextInput label="Transfer number" description="E.164, e.g. +14155550111; empty = hang up after the fallback message" miw={220}
          value={value.transferNumber} error={errors.transferNumber} onChange={(e) => set('transferNumber', e.currentTarget.value)} />
      </Group>
      <Group grow align="flex-start" wrap="wrap">
        <TextInput label="Transfer ring time (seconds)" inputMode="numeric" miw={220}
          description={`${RING_SECONDS.min} to ${RING_SECONDS.max}; then the caller comes back to the agent, who takes a message. Empty = the platform's`}
          value={value.ringSeconds} error={ringSecondsError(value.ringSeconds) ?? errors.ringSeconds}
          onChange={(e) => set('ringSeconds', e.currentTarget.value)} />
        <Switch label="Warm transfer" miw={220} mt="lg"
          description="The person answering first hears who is calling and why"
          checked={value.warmTransfer} error={errors.warmTransfer} onChange={(e) => set('warmTransfer', e.currentTarget.checked)} />
      </Group>
      <Fieldset legend="Providers, in failover order">
        <Stack gap="sm">
          {STAGES.map((stage) => (
            <ProviderOrder key={stage} stage={stage} order={value.providers[stage]} error={errors['providers.' + stage]}
              onChange={(order) => set('providers', { ...value.providers, [stage]: order })} />
          ))}
        </Stack>
      </Fieldset>
      <BusinessHours timeZone={value.timeZone} hours={value.hours} errors={errors}
        onChange={(timeZone, hours) => onChange({ ...value, timeZone, hours })} />
    </Stack>
  );
}

function ProviderOrder({ stage, order, error, onChange }: {
  stage: Stage;
  order: string[];
  error?: string;
  onChange: (order: string[]) => void;
}) {
  const unused = KNOWN_PROVIDERS[stage].filter((name) => !order.includes(name));
  const move = (from: number, to: number) => {
    const next = [...order];
    const [item] = next.splice(from, 1);
    next.splice(to, 0, item);
    onChange(next);
  };
  const id = `providers-${stage}`;
  return (
    <Input.Wrapper label={STAGE_NAMES[stage]} id={id} error={error}
      description={order.length === 0 ? 'None chosen: the platform default order' : undefined}>
      <Stack gap={4} mt={4}>
        {order.length > 0 && (
          <Stack gap={4} role="list" aria-label={`${STAGE_NAMES[stage]} providers`}>
            {order.map((name, i) => (
          <Group key={name} gap="xs" role="listitem" wrap="nowrap">
            <Text size="sm" w={24} c="dimmed">{i + 1}.</Text>
            <Text size="sm" miw={90}>{name}</Text>
            <ActionIcon variant="subtle" aria-label={`Move ${name} up`} disabled={i === 0} onClick={() => move(i, i - 1)}>↑</ActionIcon>
            <ActionIcon variant="subtle" aria-label={`Move ${name} down`} disabled={i === order.length - 1} onClick={() => move(i, i + 1)}>↓</ActionIcon>
            <ActionIcon variant="subtle" color="red" aria-label={`Remove ${name}`} onClick={() => onChange(order.filter((p) => p !== name))}>✕</ActionIcon>
          </Group>
            ))}
          </Stack>
        )}
        {unused.length > 0 && (
          <Group gap="xs">
            {unused.map((name) => (
              <Button key={name} size="compact-xs" variant="light" onClick={() => onChange([...order, name])}
                aria-label={`Add ${name} to ${STAGE_NAMES[stage]}`}>+ {name}</Button>
            ))}
          </Group>
        )}
      </Stack>
    </Input.Wrapper>
  );
}

function BusinessHours({ timeZone, hours, errors, onChange }: {
  timeZone: string;
  hours: HoursRow[];
  errors: Record<string, string>;
  onChange: (timeZone: string, hours: HoursRow[]) => void;
}) {
  const setRow = (i: number, row: HoursRow) => onChange(timeZone, hours.map((r, j) => (j === i ? row : r)));
  return (
    <Fieldset legend="Business hours">
      <Stack gap="xs">
        <Text size="sm" c="dimmed">No hours = always open.</Text>
        <TextInput label="Time zone" placeholder="America/New_York" value={timeZone} error={errors.timeZone}
          onChange={(e) => onChange(e.currentTarget.value, hours)} maw={320} />
        {hours.map((row, i) => (
          <Group key={i} gap="xs" align="flex-end" wrap="wrap" role="group" aria-label={`Opening hours ${i + 1}`}>
            <NativeSelect label="Day" data={DAYS} value={row.day} error={errors[`hours.${i}.day`]}
              onChange={(e) => setRow(i, { ...row, day: e.currentTarget.value })} />
            <TextInput type="time" label="Opens" value={row.opens} error={errors[`hours.${i}.opens`]}
              onChange={(e) => setRow(i, { ...row, opens: e.currentTarget.value })} />
            <TextInput type="time" label="Closes" value={row.closes} error={errors[`hours.${i}.closes`]}
              onChange={(e) => setRow(i, { ...row, closes: e.currentTarget.value })} />
            <Button variant="subtle" color="red" onClick={() => onChange(timeZone, hours.filter((_, j) => j !== i))}
              aria-label={`Remove opening hours ${i + 1}`}>Remove</Button>
          </Group>
        ))}
        <Group>
          <Button variant="light" size="xs"
            onClick={() => onChange(timeZone, [...hours, { day: nextDay(hours), opens: '09:00', closes: '17:00' }])}>
            Add opening hours
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}

function nextDay(hours: HoursRow[]): string {
  const last = hours.length > 0 ? DAYS.indexOf(hours[hours.length - 1].day) : -1;
  return DAYS[(last + 1) % DAYS.length];
}
