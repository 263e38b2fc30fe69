import { createHmac, timingSafeEqual } from 'node:crypto';
import type { ListCursor, ListFilter } from './store.ts';

/**
 * Continuation tokens: opaque to clients, tamper-evident (HMAC-SHA256 with a key kept in the
 * database), bound to the partner tenant and the filter they were issued for, so a token can
 * neither be edited nor replayed by another partner or for another search.
 */
interface TokenPayload {
  v: 1;
  p: string;
  f: ListFilter | null;
  c: ListCursor;
}

export class ContinuationTokens {
  constructor(private readonly key: Buffer) {}

  #mac(body: string): Buffer {
    return createHmac('sha256', this.key).update(body).digest();
  }

  issue(partnerId: string, filter: ListFilter | undefined, cursor: ListCursor): string {
    const payload: TokenPayload = { v: 1, p: partnerId, f: filter ?? null, c: cursor };
    const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
    return `${body}.${this.#mac(body).toString('base64url')}`;
  }

  /** The filter and cursor of a genuine token issued to this partner; undefined otherwise. */
  read(
    partnerId: string,
    token: string,
  ): { filter: ListFilter | undefined; cursor: ListCursor } | undefined {
    const [body, mac, extra] = token.trim().split('.');
    if (!body || !mac || extra !== undefined) return undefined;
    const expected = this.#mac(body);
    const given = Buffer.from(mac, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
    try {
      const payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as TokenPayload;
      if (payload.v !== 1 || payload.p !== partnerId) return undefined;
      return { filter: payload.f ?? undefined, cursor: payload.c };
    } catch {
      return undefined;
    }
  }
}
