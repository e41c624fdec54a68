import { Group, TextInput } from '@mantine/core';

export interface DateRange {
  /** Inclusive first day, yyyy-mm-dd, or "" for open. */
  from: string;
  /** Inclusive last day, yyyy-mm-dd, or "" for open. */
  to: string;
}

/**
 * A date range as two native date inputs: keyboard and screen-reader friendly on every browser and phone,
 * and no date library in the bundle. An inverted range is flagged on the "to" field.
 */
export function DateRangeInputs({ value, onChange, label = 'Dates' }: {
  value: DateRange;
  onChange: (value: DateRange) => void;
  label?: string;
}) {
  const inverted = value.from !== '' && value.to !== '' && value.to < value.from;
  return (
    <Group gap="xs" wrap="wrap" role="group" aria-label={label}>
      <TextInput type="date" label="From" value={value.from} max={value.to || undefined}
        onChange={(e) => onChange({ ...value, from: e.currentTarget.value })} />
      <TextInput type="date" label="To" value={value.to} min={value.from || undefined}
        error={inverted ? 'must not be before From' : undefined}
        onChange={(e) => onChange({ ...value, to: e.currentTarget.value })} />
    </Group>
  );
}

/** The range as the API's instants: start of `from`, end of `to` (the browser's time zone). */
export function rangeToInstants(range: DateRange): { from?: string; to?: string } {
  const result: { from?: string; to?: string } = {};
  if (range.from) result.from = new Date(range.from + 'T00:00:00').toISOString();
  if (range.to) {
    const end = new Date(range.to + 'T00:00:00');
    end.setDate(end.getDate() + 1);
    result.to = new Date(end.getTime() - 1).toISOString();
  }
  return result;
}
