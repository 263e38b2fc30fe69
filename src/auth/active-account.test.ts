import {
  EventType,
  InteractionType,
  type AccountInfo,
  type EventCallbackFunction,
  type EventMessage,
  type IPublicClientApplication,
} from '@azure/msal-browser';
import { describe, expect, it } from 'vitest';
import { activeAccount } from './active-account';
import { msalProviderInstance } from './msal-provider-instance';

const adele = { homeAccountId: 'adele.contoso', tenantId: 'contoso' } as AccountInfo;
const alex = { homeAccountId: 'alex.fabrikam', tenantId: 'fabrikam' } as AccountInfo;

/** MSAL's event callbacks and active account, with how often the account was read. */
class FakeMsal {
  readonly #callbacks: EventCallbackFunction[] = [];
  #active: AccountInfo | null = adele;
  reads = 0;

  set active(account: AccountInfo | null) {
    this.#active = account;
  }

  addEventCallback(callback: EventCallbackFunction): string {
    this.#callbacks.push(callback);
    return String(this.#callbacks.length);
  }

  getActiveAccount(): AccountInfo | null {
    this.reads += 1;
    return this.#active;
  }

  emit(eventType: EventMessage['eventType'], interactionType: InteractionType | null) {
    const message = { eventType, interactionType, payload: null, error: null, timestamp: 0 };
    for (const callback of this.#callbacks) callback(message as EventMessage);
  }
}

const asMsal = (fake: FakeMsal) => fake as unknown as IPublicClientApplication;

describe('activeAccount', () => {
  it('reads the account once, and again only after an event that is not a silent token call', () => {
    const fake = new FakeMsal();
    expect(activeAccount(asMsal(fake))).toBe(adele);
    expect(activeAccount(asMsal(fake))).toBe(adele);
    fake.emit(EventType.ACQUIRE_TOKEN_START, InteractionType.Silent);
    fake.emit(EventType.ACQUIRE_TOKEN_SUCCESS, InteractionType.Silent);
    expect(activeAccount(asMsal(fake))).toBe(adele);
    expect(fake.reads).toBe(1);

    fake.active = alex;
    fake.emit(EventType.ACTIVE_ACCOUNT_CHANGED, null);
    expect(activeAccount(asMsal(fake))).toBe(alex);
    fake.active = null;
    // An interactive token call may sign another account in: it is read again.
    fake.emit(EventType.ACQUIRE_TOKEN_SUCCESS, InteractionType.Redirect);
    expect(activeAccount(asMsal(fake))).toBeNull();
    expect(fake.reads).toBe(3);
  });
});

describe('msalProviderInstance', () => {
  it('passes every event on but a silent token call, and is the instance otherwise', () => {
    const fake = new FakeMsal();
    const provided = msalProviderInstance(asMsal(fake));
    const heard: string[] = [];
    provided.addEventCallback((message) => heard.push(message.eventType));
    fake.emit(EventType.ACQUIRE_TOKEN_START, InteractionType.Silent);
    fake.emit(EventType.ACQUIRE_TOKEN_START, InteractionType.Redirect);
    fake.emit(EventType.ACQUIRE_TOKEN_SUCCESS, InteractionType.Silent);
    fake.emit(EventType.LOGOUT_START, InteractionType.Redirect);
    expect(heard).toEqual([EventType.ACQUIRE_TOKEN_START, EventType.LOGOUT_START]);
    // Methods run on the instance itself, whose private state the proxy does not have.
    expect(provided.getActiveAccount()).toBe(adele);
    expect(fake.reads).toBe(1);
  });
});
