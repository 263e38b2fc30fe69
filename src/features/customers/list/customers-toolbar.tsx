import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Dropdown,
  Field,
  Input,
  Menu,
  MenuDivider,
  MenuGroup,
  MenuGroupHeader,
  MenuItem,
  MenuItemCheckbox,
  MenuItemRadio,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Option,
  SearchBox,
  makeStyles,
  tokens,
  type MenuProps,
} from '@fluentui/react-components';
import {
  ArrowDownloadRegular,
  BookmarkRegular,
  ColumnTripleRegular,
  FilterRegular,
  TextLineSpacingRegular,
} from '@fluentui/react-icons';
import { memo, useState } from 'react';
import { customerColumnIds, customerColumns } from './customer-columns';
import { relationshipLabel } from '@/features/customers/relationship-label';
import type { CustomersSearch } from './customers-search';
import type { SavedView } from './saved-views';

const useStyles = makeStyles({
  toolbar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'end',
    gap: tokens.spacingHorizontalM,
    padding: 0,
  },
  search: { minWidth: '20rem', flexGrow: 1, maxWidth: '32rem' },
  reseller: { minWidth: '16rem' },
});

/** The relationships Partner Center documents, offered even before a row carries them. */
const documentedRelationships = [
  'reseller',
  'advisor',
  'none',
  'syndication',
  'microsoft_support',
  'unknown',
];

/** Memoised: a sort click or a page of the crawl leaves the toolbar as it is. */
export const CustomersToolbar = memo(function CustomersToolbar(props: {
  search: CustomersSearch;
  searchText: string;
  onSearchText: (text: string) => void;
  onChange: (change: Partial<CustomersSearch>) => void;
  relationships: readonly string[];
  resellers: readonly string[];
  savedViews: readonly SavedView[];
  onSaveView: (name: string) => void;
  onOpenView: (view: SavedView) => void;
  onDeleteView: (name: string) => void;
  onExport: (columns: 'visible' | 'all') => void;
  exportDisabled: boolean;
}) {
  const styles = useStyles();
  const { search, onChange } = props;
  const [saving, setSaving] = useState(false);
  const [viewName, setViewName] = useState('');

  const relationshipOptions = [...new Set([...documentedRelationships, ...props.relationships])];
  const onRelationship: MenuProps['onCheckedValueChange'] = (_event, data) =>
    onChange({ relationship: data.checkedItems });
  const onColumns: MenuProps['onCheckedValueChange'] = (_event, data) => {
    const chosen = customerColumnIds.filter((id) => data.checkedItems.includes(id));
    // At least one column stays: an empty grid could not be brought back from the keyboard.
    if (chosen.length > 0) onChange({ columns: chosen });
  };
  const resellerLabel = (value: string) =>
    value === 'any'
      ? 'All customers'
      : value === 'direct'
        ? 'Direct customers only'
        : value === 'indirect'
          ? 'Through any indirect reseller'
          : `Reseller ${value}`;
  const resellerOptions = [
    ...new Set(['any', 'direct', 'indirect', ...props.resellers, search.reseller]),
  ];

  return (
    // A plain group, not Fluent's Toolbar: its arrow-key navigation would take the arrows from the
    // search box's caret.
    <div role="group" aria-label="Search, filters and views" className={styles.toolbar}>
      <Field label="Search customers" className={styles.search}>
        <SearchBox
          value={props.searchText}
          onChange={(_event, data) => props.onSearchText(data.value)}
          placeholder="Name, domain, tenant ID or tag"
        />
      </Field>
      <Field label="Indirect reseller" className={styles.reseller}>
        <Dropdown
          value={resellerLabel(search.reseller)}
          selectedOptions={[search.reseller]}
          onOptionSelect={(_event, data) => {
            if (data.optionValue) onChange({ reseller: data.optionValue });
          }}
        >
          {resellerOptions.map((value) => (
            <Option key={value} value={value}>
              {resellerLabel(value)}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Menu
        checkedValues={{ relationship: search.relationship }}
        onCheckedValueChange={onRelationship}
      >
        <MenuTrigger disableButtonEnhancement>
          <Button icon={<FilterRegular />}>
            Relationship
            {search.relationship.length ? ` (${search.relationship.length})` : ''}
          </Button>
        </MenuTrigger>
        <MenuPopover>
          <MenuList>
            {relationshipOptions.map((value) => (
              <MenuItemCheckbox key={value} name="relationship" value={value}>
                {relationshipLabel(value)}
              </MenuItemCheckbox>
            ))}
            <MenuDivider />
            <MenuItem onClick={() => onChange({ relationship: [] })}>All relationships</MenuItem>
          </MenuList>
        </MenuPopover>
      </Menu>
      <Menu checkedValues={{ columns: search.columns }} onCheckedValueChange={onColumns}>
        <MenuTrigger disableButtonEnhancement>
          <Button icon={<ColumnTripleRegular />}>Columns</Button>
        </MenuTrigger>
        <MenuPopover>
          <MenuList>
            {customerColumns.map((column) => (
              <MenuItemCheckbox key={column.id} name="columns" value={column.id}>
                {column.label}
              </MenuItemCheckbox>
            ))}
          </MenuList>
        </MenuPopover>
      </Menu>
      <Menu
        checkedValues={{ density: [search.density] }}
        onCheckedValueChange={(_event, data) => {
          const density = data.checkedItems[0];
          if (density === 'compact' || density === 'comfortable') onChange({ density });
        }}
      >
        <MenuTrigger disableButtonEnhancement>
          <Button icon={<TextLineSpacingRegular />}>Density</Button>
        </MenuTrigger>
        <MenuPopover>
          <MenuList>
            <MenuItemRadio name="density" value="comfortable">
              Comfortable
            </MenuItemRadio>
            <MenuItemRadio name="density" value="compact">
              Compact
            </MenuItemRadio>
          </MenuList>
        </MenuPopover>
      </Menu>
      <Menu>
        <MenuTrigger disableButtonEnhancement>
          <Button icon={<BookmarkRegular />}>Views</Button>
        </MenuTrigger>
        <MenuPopover>
          <MenuList>
            <MenuGroup>
              <MenuGroupHeader>Saved views</MenuGroupHeader>
              {props.savedViews.length === 0 && <MenuItem disabled>No saved views yet</MenuItem>}
              {props.savedViews.map((view) => (
                <MenuItem key={view.name} onClick={() => props.onOpenView(view)}>
                  {view.name}
                </MenuItem>
              ))}
            </MenuGroup>
            <MenuDivider />
            <MenuItem onClick={() => setSaving(true)}>Save current view…</MenuItem>
            {props.savedViews.length > 0 && (
              <Menu>
                <MenuTrigger disableButtonEnhancement>
                  <MenuItem>Delete a view</MenuItem>
                </MenuTrigger>
                <MenuPopover>
                  <MenuList>
                    {props.savedViews.map((view) => (
                      <MenuItem key={view.name} onClick={() => props.onDeleteView(view.name)}>
                        Delete “{view.name}”
                      </MenuItem>
                    ))}
                  </MenuList>
                </MenuPopover>
              </Menu>
            )}
          </MenuList>
        </MenuPopover>
      </Menu>
      <Menu>
        <MenuTrigger disableButtonEnhancement>
          <Button icon={<ArrowDownloadRegular />} disabled={props.exportDisabled}>
            Export CSV
          </Button>
        </MenuTrigger>
        <MenuPopover>
          <MenuList>
            <MenuItem onClick={() => props.onExport('visible')}>Visible columns</MenuItem>
            <MenuItem onClick={() => props.onExport('all')}>All columns</MenuItem>
          </MenuList>
        </MenuPopover>
      </Menu>
      <Dialog open={saving} onOpenChange={(_event, data) => setSaving(data.open)}>
        <DialogSurface>
          <form
            onSubmit={(event) => {
              event.preventDefault();
              if (!viewName.trim()) return;
              props.onSaveView(viewName);
              setViewName('');
              setSaving(false);
            }}
          >
            <DialogBody>
              <DialogTitle>Save this view</DialogTitle>
              <DialogContent>
                <Field
                  label="Name"
                  hint="The search, filters, sort, columns and density are saved in this browser."
                  required
                >
                  <Input
                    value={viewName}
                    maxLength={80}
                    onChange={(_event, data) => setViewName(data.value)}
                  />
                </Field>
              </DialogContent>
              <DialogActions>
                <Button appearance="secondary" onClick={() => setSaving(false)}>
                  Cancel
                </Button>
                <Button appearance="primary" type="submit" disabled={!viewName.trim()}>
                  Save view
                </Button>
              </DialogActions>
            </DialogBody>
          </form>
        </DialogSurface>
      </Dialog>
    </div>
  );
});
