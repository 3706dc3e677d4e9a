import { Badge, Menu, UnstyledButton } from '@mantine/core';
import { IconCheck, IconChevronDown } from '@tabler/icons-react';
import type { Contribution } from '../../../contract/contributions.js';
import { type ContributionState, statesFor } from '../../../domain/model.js';
import { STATE_STYLES } from '../../kinds.js';

/** A note's state as a badge; for those allowed to change it, the badge opens a menu of the states. */
export function StateMenu({
  contribution,
  canChange,
  onChange,
}: {
  contribution: Contribution;
  canChange: boolean;
  onChange: (state: ContributionState) => void;
}) {
  const state = contribution.state;
  if (!state) return null;
  const style = STATE_STYLES[state];
  const badge = (
    <Badge
      variant="light"
      color={style.color}
      radius="sm"
      tt="none"
      rightSection={canChange ? <IconChevronDown size={12} aria-hidden /> : undefined}
    >
      {style.label}
    </Badge>
  );
  if (!canChange) return badge;
  return (
    <Menu position="bottom-end" shadow="md" width={160}>
      <Menu.Target>
        <UnstyledButton
          aria-label={`State: ${style.label}. Change state`}
          style={{ borderRadius: 4, display: 'flex' }}
        >
          {badge}
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>Mark as</Menu.Label>
        {statesFor(contribution.kind).map((s) => (
          <Menu.Item
            key={s}
            onClick={() => s !== state && onChange(s)}
            rightSection={s === state ? <IconCheck size={14} aria-label="current" /> : null}
          >
            {STATE_STYLES[s].label}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
