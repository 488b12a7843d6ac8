import { Anchor, Skeleton, Table, Text } from '@mantine/core';
import { Link, useNavigate } from 'react-router';
import { SECTOR_LABELS } from '../../../../shared/contracts/enums.ts';
import type { Organization, Sort } from '../../../../shared/contracts/organizations.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { formatDate } from '../../../lib/format.ts';
import { areaText } from '../utils/area-text.ts';
import { KindBadge, StatusBadge } from './org-badges.tsx';
import { SortHeader } from './sort-header.tsx';
import classes from './organization-table.module.css';

interface OrganizationTableProps {
  items: Organization[] | undefined;
  sort: Sort;
  onSort: (sort: Sort) => void;
  skeletonRows: number;
}

export function OrganizationTable({ items, sort, onSort, skeletonRows }: OrganizationTableProps) {
  const { t, label } = useI18n();
  const navigate = useNavigate();

  return (
    <Table.ScrollContainer minWidth={960}>
      <Table highlightOnHover={Boolean(items)} className={classes.table} data-testid="org-table">
        <Table.Thead>
          <Table.Tr>
            <SortHeader column="name" sort={sort} onSort={onSort}>
              {t.org.name}
            </SortHeader>
            <SortHeader column="registrationNo" sort={sort} onSort={onSort}>
              {t.org.registrationNo}
            </SortHeader>
            <Table.Th>{t.org.sector}</Table.Th>
            <Table.Th>{t.org.area}</Table.Th>
            <SortHeader column="foundedOn" sort={sort} onSort={onSort}>
              {t.org.foundedOn}
            </SortHeader>
            <Table.Th>{t.org.status}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items
            ? items.map((org) => (
                <Table.Tr
                  key={org.id}
                  data-testid="org-row"
                  className={classes.row}
                  onClick={(event) => {
                    if (!(event.target as HTMLElement).closest('a')) navigate(`/organizations/${org.id}`);
                  }}
                >
                  <Table.Td>
                    <div className={classes.nameCell}>
                      <KindBadge kind={org.kind} size="sm" />
                      <Anchor
                        component={Link}
                        to={`/organizations/${org.id}`}
                        fw={600}
                        fz="sm"
                        c="dark.7"
                        className={classes.name}
                      >
                        {org.name}
                      </Anchor>
                    </div>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" ff="monospace">
                      {org.registrationNo}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{label(SECTOR_LABELS[org.sector])}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{areaText(org)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                      {formatDate(org.foundedOn)}
                    </Text>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <StatusBadge status={org.status} />
                  </Table.Td>
                </Table.Tr>
              ))
            : Array.from({ length: skeletonRows }, (_, i) => (
                <Table.Tr key={i} data-testid="org-row-skeleton">
                  {[240, 90, 110, 150, 80, 100].map((width, j) => (
                    <Table.Td key={j}>
                      <Skeleton height={14} width={width} radius="sm" />
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
