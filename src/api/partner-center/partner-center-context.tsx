import { createContext, useContext, type ReactNode } from 'react';
import type { RequestQueue } from '@/api/queue/request-queue';
import type { PartnerCenterClient } from './partner-center-client';

interface PartnerCenter {
  client: PartnerCenterClient;
  queue: RequestQueue;
}

const PartnerCenterContext = createContext<PartnerCenter | undefined>(undefined);

export function PartnerCenterProvider(props: PartnerCenter & { children: ReactNode }) {
  const { client, queue, children } = props;
  return <PartnerCenterContext value={{ client, queue }}>{children}</PartnerCenterContext>;
}

function usePartnerCenter(): PartnerCenter {
  const value = useContext(PartnerCenterContext);
  if (!value) throw new Error('usePartnerCenter needs a PartnerCenterProvider above it.');
  return value;
}

export function usePartnerCenterClient(): PartnerCenterClient {
  return usePartnerCenter().client;
}

export function useRequestQueue(): RequestQueue {
  return usePartnerCenter().queue;
}
