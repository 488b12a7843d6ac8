import {
  AppShell,
  Box,
  Burger,
  Group,
  Menu,
  NavLink,
  Stack,
  Text,
  ThemeIcon,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Suspense, type ReactNode } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { ROLE_LABELS } from '../../shared/contracts/auth.ts';
import {
  IconBook,
  IconBuilding,
  IconChart,
  IconClipboard,
  IconExternal,
  IconFile,
  IconHistory,
  IconLeaf,
  IconLogout,
  IconMap,
  IconSettings,
  IconUpload,
  IconUser,
  IconUsers,
} from '../components/icons.tsx';
import { useSignOut } from '../features/auth/api/sign-out.ts';
import { Reminders } from '../features/reports/components/reminders.tsx';
import { useSession } from '../lib/session.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { LanguageSwitch } from '../components/language-switch.tsx';
import { PageLoader } from './fallbacks.tsx';
import classes from './layout.module.css';
import { MENU_PAGES, type MenuPage } from './menu-pages.ts';

export function Layout() {
  const { t } = useI18n();
  const [opened, { toggle, close }] = useDisclosure(false);
  const { pathname } = useLocation();

  const user = useSession();
  const links: { page: MenuPage; label: string; icon: ReactNode }[] = [
    { page: 'dashboard', label: t.nav.dashboard, icon: <IconChart /> },
    { page: 'organizations', label: t.nav.organizations, icon: <IconBuilding /> },
    { page: 'reports', label: t.nav.reports, icon: <IconFile /> },
    { page: 'field-reviews', label: t.nav.reviews, icon: <IconClipboard /> },
    { page: 'imports', label: t.nav.imports, icon: <IconUpload /> },
    { page: 'admin-units', label: t.nav.adminUnits, icon: <IconMap /> },
    { page: 'users', label: t.nav.users, icon: <IconUsers /> },
    { page: 'audit', label: t.nav.audit, icon: <IconHistory /> },
    { page: 'settings', label: t.nav.settings, icon: <IconSettings /> },
  ];

  return (
    <AppShell
      header={{ height: 64 }}
      navbar={{ width: 272, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding={{ base: 'sm', sm: 'lg' }}
    >
      <AppShell.Header className={classes.header} data-print="hide">
        {/* the first stop of the keyboard: past the header and the menu (WCAG 2.4.1) */}
        <a href="#main-content" className={classes.skipLink} data-testid="skip-link">
          {t.app.skipToContent}
        </a>
        <Group h="100%" px={{ base: 'sm', sm: 'lg' }} justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap" miw={0}>
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t.app.menu} />
            <UnstyledButton component={Link} to="/" onClick={close} className={classes.brand}>
              <ThemeIcon
                size={38}
                radius="md"
                variant="gradient"
                gradient={{ from: 'hoptac.6', to: 'hoptac.9', deg: 135 }}
              >
                <IconLeaf size={22} />
              </ThemeIcon>
              <Box miw={0}>
                <Text fw={750} fz={19} lh={1.1} c="hoptac.9" className={classes.productName}>
                  {t.app.name}
                </Text>
                <Text fz="xs" c="dimmed" lh={1.2} truncate visibleFrom="xs">
                  {t.app.subtitle}
                </Text>
              </Box>
            </UnstyledButton>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <LanguageSwitch />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="sm" className={classes.navbar} data-print="hide">
        <Text size="xs" fw={600} c="dimmed" tt="uppercase" px="sm" pt="xs" pb={6} lts={0.4}>
          {t.nav.section}
        </Text>
        <Stack gap={4}>
          {links
            .filter((link) => user.permissions.includes(MENU_PAGES[link.page]))
            .map((link) => (
              <NavLink
                key={link.page}
                component={Link}
                to={`/${link.page}`}
                label={link.label}
                leftSection={link.icon}
                active={pathname.startsWith(`/${link.page}`)}
                onClick={close}
                className={classes.link}
                data-testid={`nav-${link.page}`}
              />
            ))}
          <NavLink
            href="/api/docs"
            target="_blank"
            rel="noopener"
            label={t.nav.apiDocs}
            leftSection={<IconBook />}
            rightSection={<IconExternal size={14} />}
            className={classes.link}
          />
        </Stack>
      </AppShell.Navbar>

      <AppShell.Main className={classes.main} id="main-content" tabIndex={-1}>
        <Box maw={1280} mx="auto">
          <Reminders />
          <Suspense fallback={<PageLoader />}>
            <Outlet />
          </Suspense>
        </Box>
      </AppShell.Main>
    </AppShell>
  );
}

/** Who is signed in, their account page, signing out. */
function UserMenu() {
  const { t, label } = useI18n();
  const user = useSession();
  const navigate = useNavigate();
  const signOut = useSignOut();
  return (
    // opened, focus goes to the first item: Mantine's placeholder for it, inside the menu, is
    // not a menu item (ARIA)
    <Menu position="bottom-end" width={240} withInitialFocusPlaceholder={false}>
      <Menu.Target>
        <UnstyledButton data-testid="user-menu">
          <Group gap={8} wrap="nowrap">
            <ThemeIcon variant="light" radius="xl" size={32}>
              <IconUser size={18} />
            </ThemeIcon>
            {/* its name on a phone, where the name beside the icon is not shown */}
            <VisuallyHidden hiddenFrom="sm">{`${t.auth.profile}: ${user.name}`}</VisuallyHidden>
            <Box visibleFrom="sm" maw={180}>
              <Text size="sm" fw={600} truncate>
                {user.name}
              </Text>
              <Text size="xs" c="dimmed" truncate>
                {label(ROLE_LABELS[user.role])}
                {user.areaName && ` · ${user.areaName}`}
              </Text>
            </Box>
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        {/* the email under the item, not as a label: a menu holds menu items only (ARIA) */}
        <Menu.Item component={Link} to="/profile" leftSection={<IconUser size={16} />}>
          <Text size="sm">{t.auth.profile}</Text>
          <Text size="xs" c="dimmed" truncate>
            {user.email}
          </Text>
        </Menu.Item>
        <Menu.Item
          leftSection={<IconLogout size={16} />}
          data-testid="sign-out"
          onClick={() => signOut.mutate(undefined, { onSettled: () => void navigate('/login', { replace: true }) })}
        >
          {t.auth.signOut}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
