import { NativeSelect } from '@mantine/core';
import { unwrap } from '@spotfunnel/shared';
import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import type { TenantView } from '../api/types';

/** Picks one tenant (pages that work on one: knowledge bases, numbers). */
export function TenantSelect({ value, onChange, label = 'Tenant' }: { value: string; onChange: (tenantId: string) => void; label?: string }) {
  const tenants = useQuery({ queryKey: ['tenants'], queryFn: async () => (await unwrap(api.GET('/tenants'))) as TenantView[] });
  const data = [{ value: '', label: tenants.isPending ? 'Loading…' : 'Choose a tenant' },
    ...(tenants.data ?? []).map((t) => ({ value: t.tenantId, label: `${t.name || t.tenantId} (${t.tenantId})` }))];
  return <NativeSelect label={label} data={data} value={value} onChange={(e) => onChange(e.currentTarget.value)} maw={420} />;
}
