import { Alert, Button, Group, Text } from '@mantine/core';
import { ApiError } from './problem';

/** An API error in words, announced to screen readers; optionally with a retry button. */
export function ErrorNotice({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  if (!error) return null;
  const message = error instanceof Error ? error.message : String(error);
  const title = error instanceof ApiError ? titleOf(error) : 'Something went wrong';
  return (
    <Alert color="red" title={title} role="alert" variant="light">
      <Text size="sm">{message}</Text>
      {onRetry && (
        <Group mt="xs">
          <Button size="xs" variant="light" color="red" onClick={onRetry}>Try again</Button>
        </Group>
      )}
    </Alert>
  );
}

function titleOf(error: ApiError): string {
  switch (error.kind) {
    case 'invalid': return 'Please check your input';
    case 'signed-out': return 'Signed out';
    case 'forbidden': return 'Not allowed';
    case 'not-found': return 'Not found';
    case 'conflict':
    case 'precondition': return 'Changed meanwhile';
    case 'rate-limited': return 'Slow down';
    case 'unavailable': return 'Temporarily unavailable';
    case 'network': return 'Offline?';
    default: return 'Something went wrong';
  }
}
