import { Stack, Text, Title } from '@mantine/core';

export function HomePage() {
  return (
    <Stack>
      <Title order={2}>Operator console</Title>
      <Text>Agents, onboarding, knowledge bases, numbers, users and intelligence will appear here.</Text>
    </Stack>
  );
}
