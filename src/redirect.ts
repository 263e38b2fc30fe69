import { broadcastResponseToMainFrame } from '@azure/msal-browser/redirect-bridge';

broadcastResponseToMainFrame().catch((error: unknown) => {
  const status = document.getElementById('status');
  if (status) {
    status.textContent = `Sign-in could not be completed: ${
      error instanceof Error ? error.message : String(error)
    }. Return to the portal and sign in again.`;
  }
});
