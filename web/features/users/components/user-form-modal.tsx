import { Button, Checkbox, Group, Modal, NumberInput, PasswordInput, Select, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { ROLE_LABELS, ROLES, type Role, type User } from '../../../../shared/contracts/auth.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { useNotify } from '../../../components/notifications.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { ApiError } from '../../../lib/api.ts';
import { useSaveUser } from '../api/save-user.ts';

/** Which scope each role takes: an area (required or optional), an organisation, or none. */
const SCOPE: Record<Role, 'area' | 'area?' | 'organization' | 'none'> = {
  admin: 'none',
  province_staff: 'area',
  commune_officer: 'area',
  cooperative: 'organization',
  viewer: 'area?',
};

interface Draft {
  name: string;
  email: string;
  role: Role;
  areaCode: string;
  organizationId: number | '';
  disabled: boolean;
  password: string;
}

const fromUser = (u: User | null): Draft => ({
  name: u?.name ?? '',
  email: u?.email ?? '',
  role: u?.role ?? 'commune_officer',
  areaCode: u?.areaCode ?? '',
  organizationId: u?.organizationId ?? '',
  disabled: u?.disabled ?? false,
  password: '',
});

/** Adds an account (no user) or changes one; the server checks that the scope fits the role. */
export function UserFormModal({ user, opened, onClose }: { user: User | null; opened: boolean; onClose: () => void }) {
  const { t, lang, label } = useI18n();
  const notify = useNotify();
  const save = useSaveUser();
  const [draft, setDraft] = useState<Draft>(() => fromUser(user));
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const scope = SCOPE[draft.role];
  const apiError = save.error instanceof ApiError ? save.error : null;
  const fieldError = (field: string) => {
    const e = apiError?.errors.find((x) => x.field === field);
    return e && (lang === 'vi' ? e.message : e.messageEn);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const scoped = {
      areaCode: scope === 'area' || scope === 'area?' ? draft.areaCode.trim() || null : null,
      organizationId: scope === 'organization' && draft.organizationId !== '' ? Number(draft.organizationId) : null,
    };
    const body = user
      ? {
          version: user.version,
          name: draft.name,
          email: draft.email,
          role: draft.role,
          ...scoped,
          disabled: draft.disabled,
          ...(draft.password && { password: draft.password }),
        }
      : { name: draft.name, email: draft.email, role: draft.role, ...scoped, password: draft.password };
    save.mutate(
      { id: user?.id ?? null, body },
      {
        onSuccess: (saved) => {
          notify({ title: user ? t.users.saved : t.users.created, message: saved.email });
          onClose();
        },
      },
    );
  };

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={user ? t.users.edit : t.users.create}
      size="lg"
      closeButtonProps={{ 'aria-label': t.app.close }}
    >
      <form onSubmit={submit} noValidate data-testid="user-form">
        <Stack gap="sm">
          {apiError && apiError.errors.length === 0 && <ErrorAlert error={apiError} />}
          <TextInput
            label={t.users.name}
            required
            value={draft.name}
            onChange={(e) => set({ name: e.currentTarget.value })}
            error={fieldError('name')}
          />
          <TextInput
            label={t.users.email}
            type="email"
            required
            value={draft.email}
            onChange={(e) => set({ email: e.currentTarget.value })}
            error={fieldError('email')}
          />
          <Select
            label={t.users.role}
            required
            allowDeselect={false}
            data={ROLES.map((r) => ({ value: r, label: label(ROLE_LABELS[r]) }))}
            value={draft.role}
            onChange={(v) => v && set({ role: v as Role })}
            error={fieldError('role')}
            data-testid="user-role"
          />
          {(scope === 'area' || scope === 'area?') && (
            <TextInput
              label={t.users.area}
              description={scope === 'area?' ? `${t.users.areaHint} · ${t.users.wholeCountry}: ∅` : t.users.areaHint}
              required={scope === 'area'}
              inputMode="numeric"
              value={draft.areaCode}
              onChange={(e) => set({ areaCode: e.currentTarget.value })}
              error={fieldError('areaCode')}
              data-testid="user-area"
            />
          )}
          {scope === 'organization' && (
            <NumberInput
              label={t.users.organization}
              description={t.users.organizationHint}
              required
              min={1}
              allowDecimal={false}
              value={draft.organizationId}
              onChange={(v) => set({ organizationId: typeof v === 'number' ? v : '' })}
              error={fieldError('organizationId')}
            />
          )}
          <PasswordInput
            label={user ? t.users.resetPassword : t.users.password}
            description={t.auth.passwordHint}
            required={!user}
            autoComplete="new-password"
            value={draft.password}
            onChange={(e) => set({ password: e.currentTarget.value })}
            error={fieldError('password')}
            data-testid="user-password"
          />
          {user && (
            <Checkbox
              label={t.users.disable}
              checked={draft.disabled}
              onChange={(e) => set({ disabled: e.currentTarget.checked })}
            />
          )}
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t.form.cancel}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="user-save">
              {t.form.save}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
