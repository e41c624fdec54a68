import { Anchor, AppShell, Burger, Group, NavLink as MantineNavLink, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { NavLink, Outlet } from 'react-router';

export interface NavItem {
  to: string;
  label: string;
}

export interface Person {
  name: string;
  roles: string[];
  tenantId?: string | null;
}

/**
 * The frame of every page: a header with the product, the signed-in person and sign-out; navigation that
 * collapses behind a menu button on a phone; a skip link so keyboard users reach the page first.
 */
export function Layout({ product, nav, person, signOutUrl, headerExtra }: {
  product: string;
  nav: NavItem[];
  person?: Person;
  signOutUrl: string;
  headerExtra?: ReactNode;
}) {
  const [opened, { toggle, close }] = useDisclosure();
  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <a href="#main" className="skip-link">Skip to content</a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Menu" />
            <Title order={1} size="h4">{product}</Title>
          </Group>
          <Group gap="sm" wrap="nowrap">
            {headerExtra}
            {person && <Text size="sm" visibleFrom="xs" aria-label="Signed in as">{person.name}</Text>}
            <Anchor href={signOutUrl} size="sm">Sign out</Anchor>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Main">
        {nav.map((item) => (
          <MantineNavLink key={item.to} component={NavLink} to={item.to} label={item.label} onClick={close} />
        ))}
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
