import { Badge, Button, EmptyState, Group, Paper, Select, Table, Text } from '@mantine/core';
import { Loading } from '../../../components/loading.tsx';
import { useDocumentTitle } from '@mantine/hooks';
import { useState } from 'react';
import { ROLE_LABELS, ROLES, type Role, type User } from '../../../../shared/contracts/auth.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { IconPencil, IconPlus, IconUsers } from '../../../components/icons.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { SearchBox } from '../../../components/search-box.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { formatNumber } from '../../../lib/format.ts';
import { useUsers } from '../api/list-users.ts';
import { UserFormModal } from './user-form-modal.tsx';
import { Pager } from '../../../components/pager.tsx';

const PAGE_SIZE = 50;

/** Accounts for administrators: search, filter by role, add, change, disable. */
export function UsersPage() {
  const { t, lang, label } = useI18n();
  useDocumentTitle(`${t.users.title} · hoptac`);
  const [q, setQ] = useState('');
  const [role, setRole] = useState<Role | null>(null);
  const [page, setPage] = useState(1);
  /** the account being edited; null: a new one; undefined: no form open */
  const [editing, setEditing] = useState<User | null | undefined>(undefined);
  const list = useUsers({ ...(q && { q }), ...(role && { role }), page, pageSize: PAGE_SIZE });
  const total = list.data?.total ?? 0;

  return (
    <>
      <PageHeader
        title={t.users.title}
        description={t.users.description}
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing(null)} data-testid="user-create">
            {t.users.create}
          </Button>
        }
      />
      <Group mb="md" gap="sm" align="flex-end">
        <div style={{ flex: '1 1 260px' }}>
          <SearchBox
            value={q}
            onSearch={(v) => {
              setQ(v);
              setPage(1);
            }}
            placeholder={t.users.search}
            testId="user-search"
          />
        </div>
        <Select
          placeholder={t.users.allRoles}
          clearable
          data={ROLES.map((r) => ({ value: r, label: label(ROLE_LABELS[r]) }))}
          value={role}
          onChange={(v) => {
            setRole(v as Role | null);
            setPage(1);
          }}
          aria-label={t.users.role}
        />
      </Group>
      {list.isError && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      {list.isPending && <Loading />}
      {list.data?.items.length === 0 && (
        <EmptyState mt="xl" icon={<IconUsers size={28} />} variant="light" title={t.users.empty} />
      )}
      {list.data && list.data.items.length > 0 && (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={720}>
            <Table highlightOnHover verticalSpacing="sm" data-testid="users-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t.users.name}</Table.Th>
                  <Table.Th>{t.users.role}</Table.Th>
                  <Table.Th>{t.users.area}</Table.Th>
                  <Table.Th>{t.users.status}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.items.map((u) => (
                  <Table.Tr key={u.id}>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {u.name}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {u.email}
                      </Text>
                    </Table.Td>
                    <Table.Td>{label(ROLE_LABELS[u.role])}</Table.Td>
                    <Table.Td>{u.organizationName ?? u.areaName ?? t.users.wholeCountry}</Table.Td>
                    <Table.Td>
                      <Badge color={u.disabled ? 'gray' : 'green'} variant="light">
                        {u.disabled ? t.users.disabled : t.users.active}
                      </Badge>
                    </Table.Td>
                    <Table.Td ta="right">
                      <Button
                        size="xs"
                        variant="subtle"
                        leftSection={<IconPencil size={14} />}
                        onClick={() => setEditing(u)}
                      >
                        {t.detail.edit}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Group justify="space-between" p="sm">
            <Text size="sm" c="dimmed">
              {t.users.total(formatNumber(total, lang))}
            </Text>
            <Pager size="sm" total={Math.max(1, Math.ceil(total / PAGE_SIZE))} value={page} onChange={setPage} />
          </Group>
        </Paper>
      )}
      {editing !== undefined && (
        <UserFormModal key={editing?.id ?? 'new'} user={editing} opened onClose={() => setEditing(undefined)} />
      )}
    </>
  );
}
