import { Group, Progress, Stack, Text } from '@mantine/core';
import { words } from '../common/format';
import type { Share } from './shape';

/** Proportions as HTML bars with their numbers in text: readable by a screen reader as a plain list. */
export function BarList({ label, items, empty = 'No calls in this period.' }: { label: string; items: Share[]; empty?: string }) {
  if (items.length === 0) return <Text size="sm" c="dimmed">{empty}</Text>;
  return (
    <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={label}>
      {items.map((item) => (
        <li key={item.label}>
          <Group justify="space-between" wrap="nowrap"><Text size="sm">{words(item.label)}</Text><Text size="sm">{item.calls} ({item.percent} %)</Text></Group>
          <Progress value={item.percent} aria-hidden />
        </li>
      ))}
    </Stack>
  );
}
