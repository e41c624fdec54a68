import { unwrap } from '@spotfunnel/shared';
import { api } from '../api/client';
import type { TenantSpec, TenantView } from '../api/types';

export interface VersionedTenant {
  tenant: TenantView;
  /** The strong ETag admin-api sent (`"3"`), sent back as If-Match so a concurrent change is refused (412). */
  etag: string;
}

function etagOf(response: Response, tenant: TenantView): string {
  return response.headers.get('ETag') ?? `"${tenant.version}"`;
}

export async function getTenant(tenantId: string): Promise<VersionedTenant> {
  const call = api.GET('/tenants/{tenantId}', { params: { path: { tenantId } } });
  const tenant = (await unwrap(call)) as unknown as TenantView;
  return { tenant, etag: etagOf((await call).response, tenant) };
}

export async function saveTenant(tenantId: string, spec: TenantSpec, etag: string): Promise<VersionedTenant> {
  const call = api.PUT('/tenants/{tenantId}', {
    params: { path: { tenantId }, header: { 'If-Match': etag } },
    body: spec,
  });
  const tenant = (await unwrap(call)) as unknown as TenantView;
  return { tenant, etag: etagOf((await call).response, tenant) };
}
