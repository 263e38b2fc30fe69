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
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { useDocumentTitle } from '@/components/use-document-title';
import { RequestProblem } from '@/features/customers/components/request-problem';
import { CrawlStatus } from '@/features/customers/list/crawl-status';
import { customerColumns } from '@/features/customers/list/customer-columns';
import { CustomerIndex, growingIndex, queryBoth } from '@/features/customers/list/customer-index';
import { CustomersGrid } from '@/features/customers/list/customers-grid';
import {
  formatSort,
  parseSort,
  queryOf,
  type CustomersSearch,
} from '@/features/customers/list/customers-search';
import { CustomersToolbar } from '@/features/customers/list/customers-toolbar';
import { csvFileName, customersCsv, downloadCsv } from '@/features/customers/list/csv-export';
import { rememberCustomersSearch } from '@/features/customers/list/last-customers-search';
import { useSavedViews } from '@/features/customers/list/saved-views';
import { useCustomerList } from '@/features/customers/list/use-customer-list';
import { useOnline } from '@/components/use-online';
import { useServerSearch } from '@/features/customers/list/use-server-search';

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

export function CustomersPage() {
  const styles = useStyles();
  useDocumentTitle('Customers');
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const { instance } = useMsal();
  const userKey = instance.getActiveAccount()?.homeAccountId ?? 'anonymous';
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
  const onSearchText = (text: string) => {
    setSearchText(text);
    written.current.push(text);
    void navigate({ search: (previous) => ({ ...previous, q: text }), replace: true });
  };
  const change = useCallback(
    (next: Partial<CustomersSearch>) =>
      void navigate({ search: (previous) => ({ ...previous, ...next }) }),
    [navigate],
  );

  const [indexOf] = useState(growingIndex);
  const index = useMemo(() => indexOf(list.rows), [indexOf, list.rows]);
  // A saved copy was complete when saved: its refresh needs no search to fill gaps.
  const complete = list.state === 'done' || list.cachedAt !== undefined;
  const server = useServerSearch({
    text: searchText,
    reseller: search.reseller,
    enabled: !complete,
  });
  const found = useMemo(
    () => new CustomerIndex(server.rows.filter((row) => !index.has(row.id))),
    [server.rows, index],
  );
  const deferredText = useDeferredValue(searchText);
  const query = useMemo(
    () => ({ ...queryOf(search), search: deferredText }),
    [search, deferredText],
  );
  const rows = useMemo(() => queryBoth(index, found, query), [index, found, query]);

  const relationships = useMemo(
    () => [...new Set(list.rows.map((row) => row.relationship))],
    [list.rows],
  );
  const resellers = useMemo(
    () =>
      [...new Set(list.rows.flatMap((row) => row.associatedPartnerId ?? []))].sort((a, b) =>
        a.localeCompare(b),
      ),
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
    deferredText.trim() !== '' || search.relationship.length > 0 || search.reseller !== 'any';
  const onExport = (which: 'visible' | 'all') => {
    const columns =
      which === 'all'
        ? customerColumns
        : customerColumns.filter((column) => search.columns.includes(column.id));
    downloadCsv(csvFileName(new Date()), customersCsv(rows, columns));
  };

  const sort = useMemo(() => parseSort(search.sort), [search.sort]);
  const total = list.total ?? list.rows.length;
  const showing = filtered
    ? `${count.format(rows.length)} of ${count.format(total)} customers match`
    : `${count.format(rows.length)} customers`;

  return (
    <section className={styles.page} aria-labelledby="customers-title">
      <div className={styles.heading}>
        <Title2 as="h1" id="customers-title">
          Customers
        </Title2>
        <Caption1 role="status" data-testid="row-count">
          {list.state === 'starting' && list.rows.length === 0 ? '' : showing}
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
        onSaveView={(name) => saved.save(name, search)}
        onOpenView={(view) => void navigate({ search: view.search })}
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
            {deferredText.trim() ? (
              <>
                {' '}
                “<bdi>{deferredText.trim()}</bdi>”
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
          rows={rows}
          label={`Customers, ${showing}`}
          visibleColumns={search.columns}
          sort={sort}
          onSortChange={(next) => change({ sort: formatSort(next) })}
          density={search.density}
          onOpen={(customerId) =>
            void navigate({ to: '/customers/$customerId', params: { customerId } })
          }
        />
      )}
    </section>
  );
}
