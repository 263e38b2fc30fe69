import type { IPublicClientApplication } from '@azure/msal-browser';
import { isSilentTokenEvent } from './active-account';

/**
 * The MSAL instance as `MsalProvider` gets it: the same one, except that its event callbacks
 * never hear a silent token call. MsalProvider re-renders on every event and reads every
 * account from the cache (decoding each ID token) to see whether anything changed; a silent
 * token call changes neither the interaction status nor the accounts, and a crawl makes 200.
 */
export function msalProviderInstance(msal: IPublicClientApplication): IPublicClientApplication {
  return new Proxy(msal, {
    get(target, property) {
      if (property === 'addEventCallback') {
        const addEventCallback: IPublicClientApplication['addEventCallback'] = (
          callback,
          eventTypes,
        ) =>
          target.addEventCallback((message) => {
            if (!isSilentTokenEvent(message)) callback(message);
          }, eventTypes);
        return addEventCallback;
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
