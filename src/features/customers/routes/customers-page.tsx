import { useMsal } from '@azure/msal-react';
import {
  Body1,
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Title2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { activeAccount } from '@/auth/active-account';
import { useAfterPaint } from '@/components/use-after-paint';
import { useDocumentTitle } from '@/components/use-document-title';
import { RequestProblem } from '@/features/customers/components/request-problem';
import { CrawlStatus } from '@/features/customers/list/crawl-status';
import { customerColumns } from '@/features/customers/list/customer-columns';
import {
  CustomerIndex,
  queryBoth,
  type CustomerSort,
} from '@/features/customers/list/customer-index';
import { CustomersGrid } from '@/features/customers/list/customers-grid';
import { CustomerTable, firstRows } from '@/features/customers/list/customer-table';
import {
  formatSort,
  parseSort,
  queryOf,
  type CustomersSearch,
} from '@/features/customers/list/customers-search';
import { CustomersToolbar } from '@/features/customers/list/customers-toolbar';
import { csvFileName, customersCsv } from '@/features/customers/list/csv-export';
import { downloadCsv } from '@/files/csv';
import { rememberCustomersSearch } from '@/features/customers/list/last-customers-search';
import { useSavedViews, type SavedView } from '@/features/customers/list/saved-views';
import { useCustomerList } from '@/features/customers/list/use-customer-list';
import { useOnline } from '@/components/use-online';
import { useServerSearch } from '@/features/customers/list/use-server-search';
import { useBackgroundSortOrders } from '@/features/customers/list/use-background-sort-orders';

const route = getRouteApi('/_authenticated/customers');

const useStyles = makeStyles({
  page: { display: 'grid', gap: tokens.spacingVerticalM, alignContent: 'start' },
  heading: { display: 'flex', alignItems: 'baseline', gap: tokens.spacingHorizontalM },
  empty: {
    display: 'grid',
    gap: tokens.spacingVerticalS,
    justifyItems: 'start',
    padding: tokens.spacingVerticalXXL,
  },
});

const count = new Intl.NumberFormat();
/** Rows kept for the next visit's first paint: a tall window in the compact density, and more. */
const FIRST_SCREEN_ROWS = 60;

export function CustomersPage() {
  const styles = useStyles();
  useDocumentTitle('Customers');
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const { instance } = useMsal();
  const userKey = activeAccount(instance)?.homeAccountId ?? 'anonymous';
  const list = useCustomerList();
  const online = useOnline();
  const saved = useSavedViews(userKey);

  useEffect(() => rememberCustomersSearch(search), [search]);

  // The box answers every keystroke; the URL follows without adding a history entry per letter.
  const [searchText, setSearchText] = useState(search.q);
  // The values this box wrote, in order: the URL catching up with them must not undo the
  // letters typed since. Any other value came from elsewhere (back, a saved view) and wins.
  const written = useRef<string[]>([]);
  useEffect(() => {
    const at = written.current.indexOf(search.q);
    if (at >= 0) {
      written.current = written.current.slice(at + 1);
      return;
    }
    written.current = [];
    setSearchText(search.q);
  }, [search.q]);
  const afterPaint = useAfterPaint();
  // The letter's results paint first; the URL is written after, once for the letters typed
  // meanwhile: the router's navigation and scroll bookkeeping would otherwise delay the frame.
  const unwrittenText = useRef<string | undefined>(undefined);
  const onSearchText = useCallback(
    (text: string) => {
      setSearchText(text);
      const scheduled = unwrittenText.current !== undefined;
      unwrittenText.current = text;
      if (scheduled) return;
      afterPaint(() => {
        const latest = unwrittenText.current ?? text;
        unwrittenText.current = undefined;
        written.current.push(latest);
        void navigate({ search: (previous) => ({ ...previous, q: latest }), replace: true });
      });
    },
    [afterPaint, navigate],
  );
  const change = useCallback(
    (next: Partial<CustomersSearch>) =>
      void navigate({ search: (previous) => ({ ...previous, ...next }) }),
    [navigate],
  );

  const index = list.index;
  // A saved copy was complete when saved: its refresh needs no search to fill gaps.
  const complete = list.state === 'done' || list.cachedAt !== undefined;
  useBackgroundSortOrders(index, complete, list.store);
  const server = useServerSearch({
    text: searchText,
    reseller: search.reseller,
    enabled: !complete,
  });
  const found = useMemo(
    () => new CustomerIndex(CustomerTable.of(server.rows.filter((row) => !index.has(row.id)))),
    [server.rows, index],
  );
  // A sort click re-sorts at once; the URL follows through the router's asynchronous
  // navigation. Until it has, the clicked sort is shown; any other change of the URL wins.
  const [sortAhead, setSortAhead] = useState<{ from: string; to: string }>();
  const sortValue = sortAhead && sortAhead.from === search.sort ? sortAhead.to : search.sort;
  // Keyed by the values, not the search object: the URL catching up with the box must not
  // run the same query a second time.
  const relationshipKey = search.relationship.join('\n');
  const query = useMemo(
    () => ({
      ...queryOf({
        ...search,
        sort: sortValue,
        relationship: relationshipKey ? relationshipKey.split('\n') : [],
      }),
      // The box's text, not deferred: the index answers within the keystroke's frame, and a
      // deferred render would paint the results a frame or two after the letter.
      search: searchText,
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the values above are the key
    [relationshipKey, search.reseller, sortValue, searchText],
  );
  const rows = useMemo(() => queryBoth(index, found, query), [index, found, query]);

  const relationships = useMemo(() => list.rows.relationshipValues(), [list.rows]);
  const resellers = useMemo(
    () => list.rows.resellerValues().sort((a, b) => a.localeCompare(b)),
    [list.rows],
  );

  // Coming back online continues a crawl that the network stopped; only then, so a failure
  // that is not the network's never turns into a loop of requests.
  useEffect(() => {
    const store = list.store;
    const onOnline = () => {
      if (store.getSnapshot().state === 'failed') store.resume();
    };
    window.addEventListener('online', onOnline);
    return () => window.removeEventListener('online', onOnline);
  }, [list.store]);

  const filtered =
    searchText.trim() !== '' || search.relationship.length > 0 || search.reseller !== 'any';
  const onExport = useCallback(
    (which: 'visible' | 'all') => {
      const columns =
        which === 'all'
          ? customerColumns
          : customerColumns.filter((column) => search.columns.includes(column.id));
      downloadCsv(csvFileName(new Date()), customersCsv(rows, columns));
    },
    [rows, search.columns],
  );
  const saveView = saved.save;
  const onSaveView = useCallback((name: string) => saveView(name, search), [saveView, search]);
  const onOpenView = useCallback(
    (view: SavedView) => void navigate({ search: view.search }),
    [navigate],
  );

  const sort = useMemo(() => parseSort(sortValue), [sortValue]);
  const onSortChange = useCallback(
    (next: CustomerSort | undefined) => {
      const to = formatSort(next);
      setSortAhead({ from: search.sort, to });
      afterPaint(() => change({ sort: to }));
    },
    [change, search.sort, afterPaint],
  );
  const onOpen = useCallback(
    (customerId: string) => void navigate({ to: '/customers/$customerId', params: { customerId } }),
    [navigate],
  );
  // The saved first screen of this very view paints with the shell, while the whole saved
  // list is still being read; any other view waits for the list.
  const view = JSON.stringify([searchText.trim(), query.relationships, query.reseller, sortValue]);
  const screen =
    list.rows.length === 0 && list.firstScreen?.view === view ? list.firstScreen : undefined;
  const shownRows = screen ? screen.rows : rows;
  const total = screen ? screen.total : (list.total ?? list.rows.length);
  const matching = screen ? screen.matching : rows.length;
  const showing = filtered
    ? `${count.format(matching)} of ${count.format(total)} customers match`
    : `${count.format(matching)} customers`;

  const store = list.store;
  const listComplete = list.rows.length > 0 && complete;
  useEffect(() => {
    if (!listComplete) return;
    // Once the user rests on a view: typing is not a reason to write.
    const timer = setTimeout(
      () =>
        store.saveFirstScreen({
          view,
          rows: firstRows(rows, FIRST_SCREEN_ROWS),
          matching: rows.length,
          total,
        }),
      1000,
    );
    return () => clearTimeout(timer);
  }, [store, listComplete, view, rows, total]);

  return (
    <section className={styles.page} aria-labelledby="customers-title">
      <div className={styles.heading}>
        <Title2 as="h1" id="customers-title">
          Customers
        </Title2>
        {/* data-search: which search the rows on screen answer, for the benchmark's timing. */}
        <Caption1
          role="status"
          data-testid="row-count"
          data-search={searchText}
          data-source={screen ? 'first-screen' : 'list'}
        >
          {list.state === 'starting' && list.rows.length === 0 && !screen ? '' : showing}
          {server.searching ? ' · searching Partner Center…' : ''}
        </Caption1>
      </div>
      <CrawlStatus
        list={list}
        onPause={() => list.store.pause()}
        onResume={() => list.store.resume()}
        onRefresh={() => list.store.refresh()}
      />
      {!online && (
        <MessageBar intent="warning">
          <MessageBarBody>
            <MessageBarTitle>You are offline.</MessageBarTitle>
            {list.rows.length
              ? 'The customers already loaded stay searchable; loading continues when the connection is back.'
              : 'The customer list loads when the connection is back.'}
          </MessageBarBody>
        </MessageBar>
      )}
      {/* Offline, the warning above says it all; the crawl resumes when the connection is back. */}
      {list.error && online && (
        <RequestProblem
          error={list.error}
          onRetry={() => list.store.resume()}
          subject="the customer list"
          outcome="could not be loaded completely"
          list
        />
      )}
      {server.error && (
        <MessageBar intent="warning">
          <MessageBarBody>
            <MessageBarTitle>Partner Center’s search did not answer.</MessageBarTitle>
            Only the customers loaded so far were searched. {server.error.message}
          </MessageBarBody>
        </MessageBar>
      )}
      <CustomersToolbar
        search={search}
        searchText={searchText}
        onSearchText={onSearchText}
        onChange={change}
        relationships={relationships}
        resellers={resellers}
        savedViews={saved.views}
        onSaveView={onSaveView}
        onOpenView={onOpenView}
        onDeleteView={saved.remove}
        onExport={onExport}
        exportDisabled={rows.length === 0}
      />
      {rows.length === 0 && list.state === 'done' && !filtered ? (
        <div className={styles.empty}>
          <Body1>Your partner tenant has no customers yet.</Body1>
          <Link to="/customers/new">Add the first customer</Link>
        </div>
      ) : rows.length === 0 && filtered && !server.searching && list.rows.length > 0 ? (
        <div className={styles.empty}>
          <Body1>
            No customer matches
            {searchText.trim() ? (
              <>
                {' '}
                “<bdi>{searchText.trim()}</bdi>”
              </>
            ) : (
              ' these filters'
            )}
            {complete ? '.' : ' among the customers loaded so far, nor in Partner Center’s search.'}
          </Body1>
          <Button onClick={() => change({ q: '', relationship: [], reseller: 'any' })}>
            Clear search and filters
          </Button>
        </div>
      ) : (
        <CustomersGrid
          rows={shownRows}
          label={`Customers, ${showing}`}
          visibleColumns={search.columns}
          sort={sort}
          onSortChange={onSortChange}
          density={search.density}
          onOpen={onOpen}
        />
      )}
    </section>
  );
}
