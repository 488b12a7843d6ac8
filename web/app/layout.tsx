import {
  AppShell,
  Box,
  Burger,
  Group,
  NavLink,
  SegmentedControl,
  Stack,
  Text,
  ThemeIcon,
  UnstyledButton,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Suspense } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import {
  IconBook,
  IconBuilding,
  IconChart,
  IconExternal,
  IconLeaf,
  IconMap,
  IconUpload,
} from '../components/icons.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { LANGS, type Lang } from '../i18n/lang.ts';
import { PageLoader } from './fallbacks.tsx';
import classes from './layout.module.css';

export function Layout() {
  const { t, lang, setLang } = useI18n();
  const [opened, { toggle, close }] = useDisclosure(false);
  const { pathname } = useLocation();

  const links = [
    { to: '/dashboard', label: t.nav.dashboard, icon: <IconChart /> },
    { to: '/organizations', label: t.nav.organizations, icon: <IconBuilding /> },
    { to: '/imports', label: t.nav.imports, icon: <IconUpload /> },
    { to: '/admin-units', label: t.nav.adminUnits, icon: <IconMap /> },
  ];

  return (
    <AppShell
      header={{ height: 64 }}
      navbar={{ width: 272, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding={{ base: 'sm', sm: 'lg' }}
    >
      <AppShell.Header className={classes.header}>
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
          <SegmentedControl
            size="xs"
            aria-label={t.app.language}
            data-testid="language-switch"
            value={lang}
            onChange={(value) => setLang(value as Lang)}
            data={LANGS.map((l) => ({ value: l, label: l.toUpperCase() }))}
          />
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="sm" className={classes.navbar}>
        <Text size="xs" fw={600} c="dimmed" tt="uppercase" px="sm" pt="xs" pb={6} lts={0.4}>
          {t.nav.section}
        </Text>
        <Stack gap={4}>
          {links.map((link) => (
            <NavLink
              key={link.to}
              component={Link}
              to={link.to}
              label={link.label}
              leftSection={link.icon}
              active={pathname.startsWith(link.to)}
              onClick={close}
              className={classes.link}
              data-testid={`nav-${link.to.slice(1)}`}
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

      <AppShell.Main className={classes.main}>
        <Box maw={1280} mx="auto">
          <Suspense fallback={<PageLoader />}>
            <Outlet />
          </Suspense>
        </Box>
      </AppShell.Main>
    </AppShell>
  );
}
