/**
 * The three Partner Center clouds (PARTNER-CENTER.md, "Sign-in and clouds").
 * The scope is always `<API resource>/user_impersonation`.
 */
export const clouds = {
  global: {
    displayName: 'Partner Center (global)',
    apiBase: 'https://api.partnercenter.microsoft.com',
    authorityHost: 'https://login.microsoftonline.com',
    apiResource: 'https://api.partnercenter.microsoft.com',
  },
  usgov: {
    displayName: 'Partner Center for Microsoft Cloud for US Government',
    apiBase: 'https://api.partnercenter.microsoft.com',
    authorityHost: 'https://login.microsoftonline.us',
    apiResource: 'https://api.partnercenter.microsoft.com',
  },
  china: {
    displayName: 'Partner Center operated by 21Vianet',
    apiBase: 'https://partner.partnercenterapi.microsoftonline.cn',
    authorityHost: 'https://login.chinacloudapi.cn',
    apiResource: 'https://partner.partnercenterapi.microsoftonline.cn',
  },
} as const;

export type CloudName = keyof typeof clouds;
export const cloudNames = Object.keys(clouds) as [CloudName, ...CloudName[]];

export function apiScope(apiResource: string): string {
  return `${apiResource}/user_impersonation`;
}

/** The local emulator issues tokens for the global audience, exactly as the real API expects. */
export const localApiResource = clouds.global.apiResource;
