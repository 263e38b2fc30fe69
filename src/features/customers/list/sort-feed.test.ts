import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { customerColumn, customerColumnIds } from './customer-columns';
import type { CustomerRow } from './customer-row';
import { foldText } from './fold-text';
import { SortFeed, takeFeedMessage, type SortFeedResult } from './sort-feed';
import { sortJobPart } from './sort-job';
import { sortOrderOf } from './sort-order';
import { sortFeedHandle } from './sort-worker-client';

const columns = customerColumnIds.length;
/** Cell texts with what folding and sorting must get right: case, accents, blanks, NULs. */
const cell = fc.oneof(
  fc.constantFrom('', ' ', 'Émile', 'emile', 'EMILE ', 'a\0b', 'Zoë', 'zoe'),
  fc.string({ maxLength: 4 }),
);
const row = fc.array(cell, { minLength: columns, maxLength: columns });

/** A crawl as the feed sees it: pages of rows, and rows fetched again with other values. */
const crawl = fc.record({
  pages: fc.array(fc.array(row, { maxLength: 7 }), { maxLength: 8 }),
  again: fc.array(fc.tuple(fc.nat(), fc.nat(60), row), { maxLength: 4 }),
  placeEvery: fc.integer({ min: 1, max: 20 }),
});

describe('the sort feed', () => {
  it('ends with the orders a sort of the complete list gives, for every column', () => {
    fc.assert(
      fc.property(crawl, ({ pages, again, placeEvery }) => {
        const feed = new SortFeed(placeEvery);
        const rows: string[][] = [];
        pages.forEach((page, pageAt) => {
          if (page.length > 0) {
            const parts = customerColumnIds.map((_, at) => sortJobPart(page.map((r) => r[at]!)));
            feed.add(rows.length, page.length, parts);
            rows.push(...page);
          }
          for (const [afterPage, position, values] of again) {
            if (afterPage % pages.length !== pageAt || position >= rows.length) continue;
            feed.replace(position, values);
            rows[position] = values;
          }
        });
        const orders = feed.finish(rows.length);
        expect(orders?.map(([column]) => column)).toEqual([...customerColumnIds]);
        orders?.forEach(([, order], at) => {
          const expected = sortOrderOf(rows.map((r) => foldText(r[at]!.trim())));
          expect([...order.positions]).toEqual([...expected.positions]);
          expect(order.filled).toBe(expected.filled);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('vouches for no order when it missed rows or was told another length', () => {
    const parts = (count: number) =>
      customerColumnIds.map(() => sortJobPart(Array.from({ length: count }, (_, at) => `v${at}`)));
    const gap = new SortFeed();
    gap.add(0, 2, parts(2));
    gap.add(3, 2, parts(2));
    expect(gap.finish(5)).toBeUndefined();

    const short = new SortFeed();
    short.add(0, 2, parts(2));
    expect(short.finish(3)).toBeUndefined();

    const miscounted = new SortFeed();
    miscounted.add(0, 3, parts(2));
    expect(miscounted.finish(3)).toBeUndefined();

    const whole = new SortFeed();
    whole.add(0, 2, parts(2));
    expect(whole.finish(2)).toHaveLength(columns);
  });
});

describe("the crawl's side of the feed", () => {
  const customer = fc.record({
    id: fc.uuid(),
    companyName: cell,
    domain: cell,
    relationship: fc.constantFrom('reseller', 'advisor', 'none'),
    tags: fc.array(cell, { maxLength: 2 }),
    associatedPartnerId: fc.option(cell, { nil: undefined }),
    commerceId: fc.option(cell, { nil: undefined }),
  });

  /** A handle whose messages go straight to a feed, as the worker would take them. */
  function handleOverFeeds() {
    const feeds = new Map<number, SortFeed>();
    let answer: ((result: SortFeedResult) => void) | undefined;
    return sortFeedHandle(1, {
      post: (message) => {
        const result = takeFeedMessage(feeds, message);
        if (result) answer?.(result);
      },
      answered: (resolve) => (answer = resolve),
      forget: () => (answer = undefined),
    });
  }

  it('hands over every row, refetched ones in their places, for the orders of the whole list', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(customer, { maxLength: 6 }), { maxLength: 6 }),
        fc.array(fc.tuple(fc.nat(), fc.nat(40), customer), { maxLength: 6 }),
        async (pages, again) => {
          const handle = handleOverFeeds();
          const rows: CustomerRow[] = [];
          pages.forEach((page, pageAt) => {
            for (const row of page) {
              handle.append(rows.length, row);
              rows.push(row);
              // Fetched again before its page is sent, or after.
              for (const [when, position, values] of again) {
                if (when % 7 !== rows.length % 7 || position >= rows.length) continue;
                handle.replace(position, values);
                rows[position] = values;
              }
            }
            if (pageAt % 2 === 0) handle.flush();
          });
          const orders = await handle.finish(rows.length);
          for (const id of customerColumnIds) {
            const keys = rows.map((row) => foldText(customerColumn(id).text(row).trim()));
            expect([...(orders?.get(id)?.positions ?? [])]).toEqual([
              ...sortOrderOf(keys).positions,
            ]);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('leaves the orders to be made elsewhere when a row was skipped', async () => {
    const handle = handleOverFeeds();
    const row = (id: string): CustomerRow => ({
      id,
      companyName: id,
      domain: `${id}.example`,
      relationship: 'reseller',
      tags: [],
    });
    handle.append(0, row('a'));
    handle.append(2, row('c'));
    expect(await handle.finish(3)).toBeUndefined();
  });
});
