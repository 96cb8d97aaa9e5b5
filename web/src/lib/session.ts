import type { Me } from '@gatehouse/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { ApiError, api, setCsrfToken } from './api';
import { queryClient } from './query';

export const meKey = ['me'] as const;

/** Why the last session ended: `signedOut` by the person, `ended` by the server (disabled, expired, revoked). */
type EndReason = 'none' | 'signedOut' | 'ended';
let endReason: EndReason = 'none';

// Remembered per tab, so that a reload after the server ended the session still explains why the person is at /login.
const SIGNED_IN_KEY = 'gatehouse.signedIn';
const remember = (signedIn: boolean) => {
  try {
    if (signedIn) sessionStorage.setItem(SIGNED_IN_KEY, '1');
    else sessionStorage.removeItem(SIGNED_IN_KEY);
  } catch {
    // Storage unavailable: the notice then only shows without a reload.
  }
};
const wasSignedIn = () => {
  try {
    return sessionStorage.getItem(SIGNED_IN_KEY) === '1';
  } catch {
    return false;
  }
};
export const sessionEndReason = (): EndReason => endReason;

/** The signed-in person, or `null` when anonymous (GET /me answers 401). */
export const meQuery = queryOptions({
  queryKey: meKey,
  queryFn: async (): Promise<Me | null> => {
    try {
      const me = await api('me');
      setCsrfToken(me.csrfToken);
      remember(true);
      return me;
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        // A person who was signed in a moment ago and now gets 401 was signed out by the server (disabled, expired).
        if (queryClient.getQueryData(meKey) || wasSignedIn()) endReason = 'ended';
        remember(false);
        setCsrfToken(null);
        return null;
      }
      throw error;
    }
  },
  staleTime: 60_000,
});

export const useOptionalMe = () => useQuery(meQuery);

/** The signed-in person; only for pages behind the sign-in guard. */
export function useMe(): Me {
  const { data } = useQuery(meQuery);
  if (!data) throw new Error('useMe() used outside the signed-in area');
  return data;
}

/** Forgets the session locally (after sign-out or a 401) and drops every cached answer of the previous person. */
export function forgetSession(reason: Exclude<EndReason, 'none'>) {
  endReason = reason;
  remember(false);
  setCsrfToken(null);
  queryClient.cancelQueries();
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meKey[0] });
  queryClient.setQueryData(meKey, null);
}

/** Reloads `me` after sign-in, setup or invitation acceptance. */
export const refreshMe = () => {
  endReason = 'none';
  return queryClient.fetchQuery({ ...meQuery, staleTime: 0 });
};
