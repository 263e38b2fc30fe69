import type { IPublicClientApplication } from '@azure/msal-browser';
import { MsalProvider } from '@azure/msal-react';
import { FluentProvider } from '@fluentui/react-components';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { useState } from 'react';
import { PartnerCenterProvider } from '@/api/partner-center/partner-center-context';
import { msalProviderInstance } from '@/auth/msal-provider-instance';
import { useGlobalStyles } from '@/components/use-global-styles';
import { useSystemTheme } from '@/components/use-system-theme';
import type { RuntimeConfig } from '@/config/runtime-config';
import { RuntimeConfigProvider } from '@/config/runtime-config-context';
import { createPartnerCenter } from './create-partner-center';
import { createAppRouter } from './router';

function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      // Retrying is the request queue's job (it knows Retry-After and the tenant's budget).
      queries: { retry: false, staleTime: 30_000, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}

export function App(props: {
  msal: IPublicClientApplication;
  config: RuntimeConfig;
  redirectError: Error | undefined;
}) {
  useGlobalStyles();
  const theme = useSystemTheme();
  const [queryClient] = useState(createQueryClient);
  const [providerMsal] = useState(() => msalProviderInstance(props.msal));
  const [partnerCenter] = useState(() => createPartnerCenter(props.msal, props.config));
  const [router] = useState(() =>
    createAppRouter({
      msal: props.msal,
      config: props.config,
      queryClient,
      partnerCenter: partnerCenter.client,
      redirectError: props.redirectError,
    }),
  );
  return (
    <FluentProvider theme={theme}>
      <RuntimeConfigProvider config={props.config}>
        <MsalProvider instance={providerMsal}>
          <QueryClientProvider client={queryClient}>
            <PartnerCenterProvider client={partnerCenter.client} queue={partnerCenter.queue}>
              <RouterProvider router={router} />
            </PartnerCenterProvider>
          </QueryClientProvider>
        </MsalProvider>
      </RuntimeConfigProvider>
    </FluentProvider>
  );
}
