import { KIND_LABELS, SECTOR_LABELS, STATUS_LABELS } from '../../../../shared/contracts/enums.ts';
import { ConflictAlert } from '../../../components/conflict-alert.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { EMPTY } from '../../../lib/format.ts';
import { changedFields, type FieldName, type FormValues } from '../utils/form-values.ts';

interface OrganizationConflictProps {
  /** The values the edit started from. */
  base: FormValues;
  mine: FormValues;
  /** The record as someone else saved it. */
  theirs: FormValues;
  onRebase: () => void;
  onDiscard: () => void;
}

/** 409 on an organisation: the fields someone else changed, next to what this user has. */
export function OrganizationConflict({ base, mine, theirs, ...actions }: OrganizationConflictProps) {
  const { t, label } = useI18n();
  const show = (field: FieldName, values: FormValues): string => {
    if (field === 'kind') return values.kind ? label(KIND_LABELS[values.kind]) : EMPTY;
    if (field === 'sector') return values.sector ? label(SECTOR_LABELS[values.sector]) : EMPTY;
    if (field === 'status') return label(STATUS_LABELS[values.status]);
    return values[field]?.trim() || EMPTY;
  };
  const rows = changedFields(base, theirs).map((field) => ({
    field,
    label: t.org[field],
    mine: show(field, mine),
    theirs: show(field, theirs),
  }));
  return <ConflictAlert rows={rows} {...actions} />;
}
