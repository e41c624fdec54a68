import { Button, Checkbox, Group, Select, Stack, TextInput } from '@mantine/core';
import { DateRangeInputs } from '@spotfunnel/shared';
import { useState } from 'react';
import { EMPTY_FILTERS, label, STATUSES, type CallFilters } from './filters';

/** The filter bar: applied on submit (Enter or the button), so typing a search does not fire a request per key. */
export function CallFiltersForm({ value, onApply }: { value: CallFilters; onApply: (filters: CallFilters) => void }) {
  const [draft, setDraft] = useState(value);
  return (
    <form aria-label="Filter calls" onSubmit={(e) => { e.preventDefault(); onApply(draft); }}>
      <Stack gap="xs">
        <Group align="end" gap="sm" wrap="wrap">
          <TextInput label="Search" placeholder="Phone, reason or words said" value={draft.q}
            onChange={(e) => setDraft({ ...draft, q: e.currentTarget.value })} style={{ flex: '1 1 220px' }} />
          <DateRangeInputs value={draft.range} onChange={(range) => setDraft({ ...draft, range })} />
        </Group>
        <Group align="end" gap="sm" wrap="wrap">
          <Checkbox.Group label="Status" value={draft.statuses} onChange={(statuses) => setDraft({ ...draft, statuses })}>
            <Group gap="xs" mt={4}>
              {STATUSES.map((s) => <Checkbox key={s} value={s} label={label(s)} />)}
            </Group>
          </Checkbox.Group>
        </Group>
        <Group align="end" gap="sm" wrap="wrap">
          <TextInput label="Outcome" placeholder="e.g. appointment_booked" value={draft.outcome}
            onChange={(e) => setDraft({ ...draft, outcome: e.currentTarget.value })} w={200} />
          <Select label="Requires action" value={draft.requiresAction} allowDeselect={false} w={160}
            data={[{ value: 'any', label: 'Any' }, { value: 'true', label: 'Needs action' }, { value: 'false', label: 'No action' }]}
            onChange={(v) => setDraft({ ...draft, requiresAction: (v ?? 'any') as CallFilters['requiresAction'] })} />
          <Select label="Archived" value={draft.archived} allowDeselect={false} w={180}
            data={[{ value: 'exclude', label: 'Hide archived' }, { value: 'include', label: 'Show archived' }, { value: 'only', label: 'Only archived' }]}
            onChange={(v) => setDraft({ ...draft, archived: (v ?? 'exclude') as CallFilters['archived'] })} />
          <Button type="submit">Apply</Button>
          <Button variant="subtle" onClick={() => { setDraft(EMPTY_FILTERS); onApply(EMPTY_FILTERS); }}>Clear</Button>
        </Group>
      </Stack>
    </form>
  );
}
