// What vitest.global-setup.ts hands the client tests in src/: running emulators, reached over
// HTTP only, so src/ still never imports server/.
import 'vitest';

interface EmulatorForClientTests {
  baseUrl: string;
  tokens: Record<'adele' | 'alex' | 'megan' | 'diego' | 'isaiah', string>;
  tenants: { contoso: string; fabrikam: string };
  /** Requests per window the emulator allows per partner tenant. */
  rateLimit: { requests: number; windowSeconds: number };
}

declare module 'vitest' {
  export interface ProvidedContext {
    partnerCenter: { emulator: EmulatorForClientTests; throttled: EmulatorForClientTests };
  }
}
