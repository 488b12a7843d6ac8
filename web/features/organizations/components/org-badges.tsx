import { Badge, type BadgeProps, type MantineColor } from '@mantine/core';
import { KIND_LABELS, STATUS_LABELS, type Kind, type Status } from '../../../../shared/contracts/enums.ts';
import { useI18n } from '../../../i18n/i18n.tsx';

const STATUS_COLORS = {
  active: 'teal',
  suspended: 'yellow',
  dissolving: 'orange',
  dissolved: 'gray',
  bankrupt: 'red',
  revoked: 'pink',
  reorganized: 'violet',
} satisfies Record<Status, MantineColor>;

const KIND_COLORS = { HTX: 'blue', THT: 'cyan', LHHTX: 'indigo' } satisfies Record<Kind, MantineColor>;

type Props = Omit<BadgeProps, 'color' | 'children'>;

export function StatusBadge({ status, ...props }: Props & { status: Status }) {
  const { label } = useI18n();
  return (
    <Badge color={STATUS_COLORS[status]} data-testid="status-badge" {...props}>
      {label(STATUS_LABELS[status])}
    </Badge>
  );
}

/** The short code (HTX, THT, LHHTX), or the full name with `long`. */
export function KindBadge({ kind, long = false, ...props }: Props & { kind: Kind; long?: boolean }) {
  const { label } = useI18n();
  return (
    <Badge
      color={KIND_COLORS[kind]}
      variant="outline"
      title={label(KIND_LABELS[kind])}
      data-testid="kind-badge"
      {...props}
    >
      {long ? label(KIND_LABELS[kind]) : kind}
    </Badge>
  );
}
