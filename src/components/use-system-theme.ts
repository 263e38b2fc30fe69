import { webDarkTheme, webLightTheme, type Theme } from '@fluentui/react-components';
import { useSyncExternalStore } from 'react';

const query = '(prefers-color-scheme: dark)';

function subscribe(onChange: () => void) {
  const media = window.matchMedia(query);
  media.addEventListener('change', onChange);
  return () => media.removeEventListener('change', onChange);
}

/** Light or dark, following the operating system's setting as it changes. */
export function useSystemTheme(): Theme {
  const dark = useSyncExternalStore(subscribe, () => window.matchMedia(query).matches);
  return dark ? webDarkTheme : webLightTheme;
}
