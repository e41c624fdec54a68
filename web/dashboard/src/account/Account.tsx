import { Center, Loader, TextInput } from '@mantine/core';
import { ErrorNotice, unwrap } from '@spotfunnel/shared';
import { useQuery } from '@tanstack/react-query';
import { createContext, useContext, useState, type ReactNode } from 'react';
import { api } from '../api/client';
import type { WhoAmI } from '../api/types';

interface Account {
  me: WhoAmI;
  /** The tenant every screen shows: the customer's own, or the one an admin picked ("" until picked). */
  tenantId: string;
  /** For the API's tenantId parameter: only an admin names the tenant. */
  tenantParam: string | undefined;
  setTenantId: (tenantId: string) => void;
  isAdmin: boolean;
}

const AccountContext = createContext<Account | undefined>(undefined);
const PICKED = 'spotfunnel.dashboard.tenant';

export function useAccount(): Account {
  const account = useContext(AccountContext);
  if (!account) throw new Error('useAccount outside <AccountProvider>');
  return account;
}

/** Loads who is signed in (a 401 sends them to sign-in) before any page renders. */
export function AccountProvider({ children }: { children: ReactNode }) {
  const me = useQuery({ queryKey: ['me'], queryFn: () => unwrap(api.GET('/api/v1/me')) as Promise<WhoAmI>, staleTime: Infinity });
  const [picked, setPicked] = useState(() => sessionStorage.getItem(PICKED) ?? '');
  if (me.isPending) {
    return <Center h="100vh"><Loader aria-label="Loading" /></Center>;
  }
  if (me.isError) {
    return <Center h="100vh" p="md"><ErrorNotice error={me.error} onRetry={() => me.refetch()} /></Center>;
  }
  const isAdmin = me.data.roles.includes('admin');
  const tenantId = isAdmin ? picked : (me.data.tenantId ?? '');
  const account: Account = {
    me: me.data, tenantId, isAdmin,
    tenantParam: isAdmin && picked ? picked : undefined,
    setTenantId: (value) => {
      sessionStorage.setItem(PICKED, value);
      setPicked(value);
    },
  };
  return <AccountContext.Provider value={account}>{children}</AccountContext.Provider>;
}

/** An admin names the tenant to look at; a customer sees their own and no picker. */
export function TenantPicker() {
  const { isAdmin, tenantId, setTenantId } = useAccount();
  const [value, setValue] = useState(tenantId);
  if (!isAdmin) return null;
  return (
    <form onSubmit={(e) => { e.preventDefault(); setTenantId(value.trim()); }}>
      <TextInput size="xs" aria-label="Tenant" placeholder="Tenant id, Enter" value={value}
        onChange={(e) => setValue(e.currentTarget.value)} w={160} />
    </form>
  );
}

/** Pages that show a tenant's data wait for an admin to pick one. */
export function NeedsTenant({ children }: { children: ReactNode }) {
  const { tenantId } = useAccount();
  if (!tenantId) {
    return <Center p="xl">Enter the tenant to look at in the box at the top (you are signed in as an operator).</Center>;
  }
  return <>{children}</>;
}
