import { unwrap } from '@spotfunnel/shared';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api } from '../api/client';
import type { CallPage, CallSummary } from '../api/types';
import { mergeNewest } from './filters';

const PAGE_SIZE = 50;
/** How often the first page is asked for again, so a call that ends while the list is open appears. */
export const POLL_MS = 5000;

/**
 * The calls matching a filter, newest first, page by page over the API's cursor (only the pages scrolled to are
 * held), plus the newest page polled every {@link POLL_MS} and merged in on top.
 */
export function useCallList(query: Record<string, string>) {
  const key = ['calls', query];
  const pages = useInfiniteQuery({
    queryKey: key,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => unwrap(api.GET('/api/v1/calls', {
      params: { query: { ...query, limit: PAGE_SIZE, ...(pageParam ? { cursor: pageParam } : {}) } },
    })) as Promise<CallPage>,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const newest = useQuery({
    queryKey: ['calls-newest', query],
    queryFn: () => unwrap(api.GET('/api/v1/calls', { params: { query: { ...query, limit: 20 } } })) as Promise<CallPage>,
    refetchInterval: POLL_MS,
    refetchIntervalInBackground: false,
    enabled: pages.isSuccess,
  });
  const calls = useMemo<CallSummary[]>(() => {
    const shown = pages.data?.pages.flatMap((page) => page.items) ?? [];
    return newest.data ? mergeNewest(shown, newest.data.items) : shown;
  }, [pages.data, newest.data]);
  return { calls, pages };
}
