import { Alert, Button, Checkbox, Group, Modal, PasswordInput, Select, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { ROLE_LABELS, ROLES, userSchema, type Role, type User } from '../../../../shared/contracts/auth.ts';
import { AreaSelects, type AreaValue } from '../../../components/area-selects.tsx';
import { ConflictAlert } from '../../../components/conflict-alert.tsx';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { useLeaveGuard } from '../../../components/leave-guard.tsx';
import { useNotify } from '../../../components/notifications.tsx';
import { OrganizationSelect, type PickedOrganization } from '../../../components/organization-select.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { ApiError, conflictCurrent } from '../../../lib/api.ts';
import { EMPTY } from '../../../lib/format.ts';
import { useVersionedDraft } from '../../../lib/use-versioned-draft.ts';
import { useSendOnce } from '../../../lib/send-once.ts';
import { useSaveUser } from '../api/save-user.ts';

/** Which scope each role takes (contracts §8): a province, a commune, an area or none, an organisation. */
const SCOPE: Record<Role, 'province' | 'commune' | 'area?' | 'organization' | 'none'> = {
  admin: 'none',
  province_staff: 'province',
  commune_officer: 'commune',
  cooperative: 'organization',
  viewer: 'area?',
};

interface Draft {
  name: string;
  email: string;
  role: Role;
  /** on the current map: no districts */
  area: AreaValue;
  organization: PickedOrganization | null;
  disabled: boolean;
  password: string;
}

const fromUser = (u: User | null): Draft => ({
  name: u?.name ?? '',
  email: u?.email ?? '',
  role: u?.role ?? 'commune_officer',
  area: {
    province: u?.areaProvinceCode ?? null,
    district: null,
    commune: u?.areaCode && u.areaCode !== u.areaProvinceCode ? u.areaCode : null,
  },
  organization: u?.organizationId
    ? { id: u.organizationId, name: u.organizationName ?? String(u.organizationId), registrationNo: '' }
    : null,
  disabled: u?.disabled ?? false,
  password: '',
});

/** The area code the role keeps of what is chosen. */
function areaCodeOf(scope: (typeof SCOPE)[Role], area: AreaValue): string | null {
  if (scope === 'province') return area.province;
  if (scope === 'commune') return area.commune;
  if (scope === 'area?') return area.commune ?? area.province;
  return null;
}

/** Adds an account (no user) or changes one; the server checks that the scope fits the role. */
export function UserFormModal({ user, opened, onClose }: { user: User | null; opened: boolean; onClose: () => void }) {
  const { t, lang, label } = useI18n();
  const notify = useNotify();
  const save = useSaveUser();
  const once = useSendOnce();
  // the account as read (its version is sent), and the edits
  const versions = useVersionedDraft(user, fromUser);
  const { base, draft, setDraft, edited: dirty, conflict, settle } = versions;
  const initial = fromUser(base);
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const scope = SCOPE[draft.role];
  const leaving = useLeaveGuard(dirty);
  // closing by ×, Escape, a click outside or Cancel asks first when something was typed
  const [confirming, setConfirming] = useState(false);
  const requestClose = () => (dirty ? setConfirming(true) : onClose());
  const apiError = save.error instanceof ApiError ? save.error : null;
  const fieldError = (field: string) => {
    const e = apiError?.errors.find((x) => x.field === field);
    return e && (lang === 'vi' ? e.message : e.messageEn);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const scoped = {
      areaCode: areaCodeOf(scope, draft.area),
      organizationId: scope === 'organization' ? (draft.organization?.id ?? null) : null,
    };
    const body = base
      ? {
          version: base.version,
          name: draft.name,
          email: draft.email,
          role: draft.role,
          ...scoped,
          disabled: draft.disabled,
          ...(draft.password && { password: draft.password }),
        }
      : { name: draft.name, email: draft.email, role: draft.role, ...scoped, password: draft.password };
    once((done) =>
      save.mutate(
        { id: user?.id ?? null, body },
        {
          onSuccess: landed,
          onError: (error) => settle(conflictCurrent(error, userSchema), save, landed),
          onSettled: done,
        },
      ),
    );
  };
  function landed(saved: User) {
    notify({ title: user ? t.users.saved : t.users.created, message: saved.email });
    onClose();
  }
  const adopt = (next: User, keepMine = false) => {
    versions.adopt(next, keepMine);
    save.reset();
  };
  // what the other administrator changed, as this dialog shows it
  const shown = (d: Draft, u: User) =>
    ({
      name: [t.users.name, d.name],
      email: [t.users.email, d.email],
      role: [t.users.role, label(ROLE_LABELS[d.role])],
      // a name for the area read, the code for one chosen here
      area: [
        t.users.area,
        JSON.stringify(d.area) === JSON.stringify(fromUser(u).area)
          ? (u.areaName ?? EMPTY)
          : (d.area.commune ?? d.area.province ?? EMPTY),
      ],
      organization: [t.users.organization, d.organization?.name ?? EMPTY],
      disabled: [t.users.status, d.disabled ? t.users.disabled : t.users.active],
    }) as const;
  const conflictRows = (read: User, current: User) => {
    const [from, mine, theirs] = [shown(initial, read), shown(draft, read), shown(fromUser(current), current)];
    return (Object.keys(from) as (keyof typeof from)[])
      .filter((k) => from[k][1] !== theirs[k][1])
      .map((k) => ({ field: k, label: from[k][0], mine: mine[k][1], theirs: theirs[k][1] }));
  };

  return (
    <Modal
      opened={opened}
      onClose={requestClose}
      title={user ? t.users.edit : t.users.create}
      size="lg"
      closeButtonProps={{ 'aria-label': t.app.close }}
    >
      <form onSubmit={submit} noValidate data-testid="user-form">
        <Stack gap="sm">
          {conflict && base ? (
            <ConflictAlert
              rows={conflictRows(base, conflict)}
              onRebase={() => adopt(conflict, true)}
              onDiscard={() => adopt(conflict)}
            />
          ) : (
            apiError && apiError.errors.length === 0 && <ErrorAlert error={apiError} />
          )}
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
          {(scope === 'province' || scope === 'commune' || scope === 'area?') && (
            <AreaSelects
              map="current"
              value={draft.area}
              onChange={(area) => set({ area })}
              names={{ province: 'user-province', district: 'user-district', commune: 'user-commune' }}
              provinceOnly={scope === 'province'}
              required={scope !== 'area?'}
              // a viewer's empty province is the whole country, an empty commune the province;
              // for the other roles the field is to fill, not a choice of "all"
              placeholder={scope === 'area?' ? undefined : ''}
              placeholders={{ province: scope === 'area?' ? t.users.wholeCountry : '' }}
              errors={scope === 'commune' ? { commune: fieldError('areaCode') } : { province: fieldError('areaCode') }}
              descriptions={{
                province: scope === 'area?' ? t.users.viewerAreaHint : undefined,
                commune: scope === 'commune' ? t.users.communeHint : undefined,
              }}
            />
          )}
          {scope === 'organization' && (
            <OrganizationSelect
              label={t.users.organization}
              description={t.users.organizationHint}
              required
              value={draft.organization}
              onChange={(organization) => set({ organization })}
              error={fieldError('organizationId')}
              testId="user-organization"
            />
          )}
          <PasswordInput
            label={user ? t.users.resetPassword : t.users.password}
            description={user ? t.users.resetPasswordHint : t.users.newPasswordHint}
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
          {confirming ? (
            <Alert color="orange" title={t.form.closeTitle} data-testid="user-close-confirm">
              {t.form.closeHint}
              <Group justify="flex-end" mt="sm" gap="sm">
                <Button variant="default" onClick={() => setConfirming(false)} autoFocus>
                  {t.form.keepEditing}
                </Button>
                <Button color="red" onClick={onClose} data-testid="user-close-discard">
                  {t.form.discardClose}
                </Button>
              </Group>
            </Alert>
          ) : (
            <Group justify="flex-end" mt="sm">
              <Button variant="default" onClick={requestClose}>
                {t.form.cancel}
              </Button>
              <Button type="submit" loading={save.isPending} data-testid="user-save">
                {t.form.save}
              </Button>
            </Group>
          )}
        </Stack>
      </form>
      {leaving.dialog}
    </Modal>
  );
}
