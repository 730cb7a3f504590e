/**
 * One row of tabs at every width. Below COMPACT_BELOW px the tabs other than the selected one show
 * their icon only (named for screen readers and on hover); whatever still does not fit goes to a
 * "More" menu at the end of the row, the selected tab always staying in the row. Arrow keys move
 * between tabs (Fluent's TabList).
 */
import {
  Button,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Overflow,
  OverflowItem,
  Tab,
  TabList,
  makeStyles,
  tokens,
  useIsOverflowItemVisible,
  useOverflowMenu,
} from '@fluentui/react-components';
import { MoreHorizontal20Regular } from '@fluentui/react-icons';
import { useElementWidth } from '../../state/use-element-width';
import type { PaneView } from './views';

/** Row width under which unselected tabs show only their icon. */
export const COMPACT_BELOW = 560;

const useStyles = makeStyles({
  row: {
    display: 'flex',
    flexWrap: 'nowrap',
    minWidth: 0,
    overflow: 'hidden',
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  tab: { flexShrink: 0, paddingLeft: tokens.spacingHorizontalS, paddingRight: tokens.spacingHorizontalS },
  more: { flexShrink: 0, alignSelf: 'center', minWidth: 'auto' },
});

function MoreItem({ view, onSelect }: { view: PaneView; onSelect: (id: string) => void }) {
  const visible = useIsOverflowItemVisible(view.id);
  if (visible) return null;
  return (
    <MenuItem icon={view.icon} onClick={() => onSelect(view.id)}>
      {view.label}
    </MenuItem>
  );
}

function MoreMenu({ views, onSelect }: { views: PaneView[]; onSelect: (id: string) => void }) {
  const styles = useStyles();
  const { ref, isOverflowing, overflowCount } = useOverflowMenu<HTMLButtonElement>();
  if (!isOverflowing) return null;
  return (
    <Menu hasIcons>
      <MenuTrigger disableButtonEnhancement>
        <Button
          ref={ref}
          className={styles.more}
          appearance="transparent"
          size="small"
          icon={<MoreHorizontal20Regular />}
          aria-label={`More views (${overflowCount})`}
          data-testid="more-views"
        />
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {views.map((v) => (
            <MoreItem key={v.id} view={v} onSelect={onSelect} />
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}

export function Navigation({
  views,
  selected,
  onSelect,
}: {
  views: PaneView[];
  selected: string;
  onSelect: (id: string) => void;
}) {
  const styles = useStyles();
  const [ref, width] = useElementWidth<HTMLDivElement>();
  const compact = width < COMPACT_BELOW;
  return (
    <div ref={ref}>
      {/* Remounted when the labels appear or go: Overflow measures its items once, and tabs that
          grow their labels after a resize past COMPACT_BELOW would otherwise be cut off, not moved to More. */}
      <Overflow key={compact ? 'compact' : 'labelled'} minimumVisible={2} padding={8}>
        <TabList
          className={styles.row}
          selectedValue={selected}
          onTabSelect={(_, d) => onSelect(String(d.value))}
          aria-label="Views"
          size="small"
          data-testid="tab-row"
        >
          {views.map((v) => (
            <OverflowItem key={v.id} id={v.id} priority={v.id === selected ? 2 : 1}>
              <Tab
                className={styles.tab}
                value={v.id}
                id={`tab-${v.id}`}
                aria-controls={`panel-${v.id}`}
                icon={v.icon}
                aria-label={v.label}
                title={compact && v.id !== selected ? v.label : undefined}
              >
                {compact && v.id !== selected ? undefined : v.label}
              </Tab>
            </OverflowItem>
          ))}
          <MoreMenu views={views} onSelect={onSelect} />
        </TabList>
      </Overflow>
    </div>
  );
}
