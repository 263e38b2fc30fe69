import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '@/app/app';
import { BootErrorPage } from '@/app/boot-error-page';
import { preloadPageCode } from '@/app/router';
import { startMsal } from '@/auth/msal';
import { loadRuntimeConfig } from '@/config/runtime-config';

/** /config.json -> MSAL (finishing a sign-in redirect) -> React with QueryClient and router. */
async function bootstrap(container: HTMLElement) {
  const root = createRoot(container);
  try {
    const config = await loadRuntimeConfig();
    // While MSAL starts and proves the session; not beside the configuration, which MSAL waits
    // for, and which the page's code would slow down.
    preloadPageCode(window.location.pathname);
    const { msal, redirectError } = await startMsal(config, window.location.origin);
    root.render(
      <StrictMode>
        <App msal={msal} config={config} redirectError={redirectError} />
      </StrictMode>,
    );
  } catch (error) {
    root.render(
      <BootErrorPage error={error instanceof Error ? error : new Error(String(error))} />,
    );
  }
}

const container = document.getElementById('root');
if (container) void bootstrap(container);
