import { Anchor, Group } from '@mantine/core';
import { Link } from 'react-router';
import { IconArrowLeft } from './icons.tsx';

export function BackLink({ to, label }: { to: string; label: string }) {
  return (
    <Anchor component={Link} to={to} size="sm" c="dimmed" data-testid="back-link">
      <Group gap={4} component="span">
        <IconArrowLeft size={14} />
        {label}
      </Group>
    </Anchor>
  );
}
