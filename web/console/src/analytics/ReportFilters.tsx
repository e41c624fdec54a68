import { Group, NativeSelect } from '@mantine/core';
import { DateRangeInputs, unwrap, type DateRange } from '@spotfunnel/shared';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../api/client';
import type { TenantView } from '../api/types';
import { daysBefore, utcDay } from '../common/format';

export interface ReportFilter {
  range: DateRange;
  /** "" = all tenants. */
  tenantId: string;
}

/** The last 30 UTC days, all tenants: admin-api's own default. */
export function useReportFilter(): [ReportFilter, (f: ReportFilter) => void, boolean] {
  const [filter, setFilter] = useState<ReportFilter>({ range: { from: daysBefore(29), to: utcDay() }, tenantId: '' });
  const complete = filter.range.from !== '' && filter.range.to !== '' && filter.range.from <= filter.range.to;
  return [filter, setFilter, complete];
}

/** The query parameters of an analytics report (days, and the tenant when one is picked). */
export function reportQuery(filter: ReportFilter): { from: string; to: string; tenantId?: string } {
  return { from: filter.range.from, to: filter.range.to, ...(filter.tenantId ? { tenantId: filter.tenantId } : {}) };
}

/** Date range and tenant, above every analytics report. */
export function ReportFilters({ value, onChange }: { value: ReportFilter; onChange: (f: ReportFilter) => void }) {
  const tenants = useQuery({ queryKey: ['tenants'], queryFn: async () => (await unwrap(api.GET('/tenants'))) as TenantView[] });
  const options = [{ value: '', label: 'All tenants' }, ...(tenants.data ?? []).map((t) => ({ value: t.tenantId, label: t.name || t.tenantId }))];
  return (
    <Group align="flex-start" gap="md" wrap="wrap">
      <DateRangeInputs value={value.range} onChange={(range) => onChange({ ...value, range })} label="Days (UTC)" />
      <NativeSelect label="Tenant" data={options} value={value.tenantId}
        onChange={(e) => onChange({ ...value, tenantId: e.currentTarget.value })} />
    </Group>
  );
}
