import { Anchor, Group, ScrollArea, Skeleton, Stack, Text, UnstyledButton } from '@mantine/core';
import { useEffect, useRef, type RefObject } from 'react';
import { Link } from 'react-router';
import type { AdminUnit } from '../../../../shared/contracts/admin-units.ts';
import { LEVEL_LABELS } from '../../../../shared/contracts/enums.ts';
import { IconChevronRight } from '../../../components/icons.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { registryLink } from '../utils/registry-link.ts';
import classes from './unit-list.module.css';

interface UnitListProps {
  units: AdminUnit[] | undefined;
  selected: string | null;
  onSelect: (code: string) => void;
  /** Search results mix levels and provinces: say which each one is and where. */
  showContext: boolean;
  provinceNames: Map<string, string>;
}

/** Scrolls the list (not the page) so the selected row is in view. */
function useRevealSelected(viewport: RefObject<HTMLDivElement | null>, selected: string | null, ready: boolean) {
  useEffect(() => {
    const box = viewport.current;
    const row = box?.querySelector<HTMLElement>('[data-active]');
    if (!box || !row) return;
    const offset = row.getBoundingClientRect().top - box.getBoundingClientRect().top;
    if (offset < 0 || offset + row.offsetHeight > box.clientHeight) box.scrollTop += offset - box.clientHeight / 2;
  }, [viewport, selected, ready]);
}

export function UnitList({ units, selected, onSelect, showContext, provinceNames }: UnitListProps) {
  const { t, label } = useI18n();
  const viewport = useRef<HTMLDivElement>(null);
  useRevealSelected(viewport, selected, Boolean(units));
  if (!units) {
    return (
      <Stack gap={6} p="xs">
        {Array.from({ length: 8 }, (_, i) => (
          <Skeleton key={i} height={36} />
        ))}
      </Stack>
    );
  }
  if (units.length === 0) {
    return (
      <Text c="dimmed" size="sm" p="md" ta="center" data-testid="units-empty">
        {t.units.none}
      </Text>
    );
  }
  return (
    <ScrollArea.Autosize mah="calc(100dvh - 330px)" mih={200} type="auto" offsetScrollbars viewportRef={viewport}>
      <Stack gap={2} p={4} component="ul" className={classes.list}>
        {units.map((unit) => (
          <li
            key={unit.code}
            className={classes.row}
            data-active={unit.code === selected || undefined}
            data-testid="unit-row"
            data-code={unit.code}
          >
            <UnstyledButton className={classes.select} onClick={() => onSelect(unit.code)}>
              <Group gap="xs" wrap="nowrap" justify="space-between">
                <div className={classes.name}>
                  <Text size="sm" fw={500}>
                    {unit.fullName}
                  </Text>
                  <Text size="xs" c="dimmed">
                    <Text span inherit ff="monospace">
                      {unit.code}
                    </Text>
                    {showContext && ` · ${label(LEVEL_LABELS[unit.level])}`}
                    {showContext &&
                      unit.level !== 'province' &&
                      ` · ${provinceNames.get(unit.provinceCode) ?? unit.provinceCode}`}
                  </Text>
                </div>
                {unit.level !== 'commune' && <IconChevronRight size={16} className={classes.chevron} />}
              </Group>
            </UnstyledButton>
            {unit.level === 'commune' && (
              <Anchor
                component={Link}
                to={registryLink(unit)}
                size="xs"
                className={classes.registry}
                data-testid="unit-registry-link"
              >
                {t.units.viewOrganizations}
              </Anchor>
            )}
          </li>
        ))}
      </Stack>
    </ScrollArea.Autosize>
  );
}
