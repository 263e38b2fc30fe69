import { getRouteApi } from '@tanstack/react-router';
import { SignInPage } from '@/auth/sign-in-page';

const signInRouteApi = getRouteApi('/sign-in');

/** The sign-in page with its redirect target and the error a failed sign-in came back with. */
export function SignInRoute() {
  const { redirect: target } = signInRouteApi.useSearch();
  const { redirectError } = signInRouteApi.useRouteContext();
  return <SignInPage redirect={target} error={redirectError} />;
}
