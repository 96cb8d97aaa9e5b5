import type { RouteName, RouteResponse } from '@gatehouse/contracts';
import { type QueryKey, type UseQueryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ApiInput, api } from './api';

/** Query keys start with the route name, so a mutation can invalidate "every listPeople" at once. */
export const routeKey = <N extends RouteName>(name: N, input?: ApiInput<N>): QueryKey =>
  input === undefined ? [name] : [name, input];

type QueryExtra<N extends RouteName> = Omit<UseQueryOptions<RouteResponse<N>>, 'queryKey' | 'queryFn'>;

/** `useApiQuery('getSpace', { params: { id } })` — typed from the contract. */
export function useApiQuery<N extends RouteName>(name: N, input?: ApiInput<N>, options?: QueryExtra<N>) {
  return useQuery<RouteResponse<N>>({
    queryKey: routeKey(name, input),
    queryFn: () => (api as (n: N, i?: ApiInput<N>) => Promise<RouteResponse<N>>)(name, input),
    ...options,
  });
}

type MutationExtra<N extends RouteName> = {
  /** Route names whose cached answers become stale after success. */
  invalidates?: RouteName[];
  onSuccess?: (data: RouteResponse<N>, input: ApiInput<N>) => unknown;
};

/** `useApiMutation('disablePerson', { invalidates: ['listPeople'] }).mutateAsync({ params: { id } })`. */
export function useApiMutation<N extends RouteName>(name: N, options: MutationExtra<N> = {}) {
  const client = useQueryClient();
  return useMutation<RouteResponse<N>, unknown, ApiInput<N>>({
    mutationFn: (input) => (api as (n: N, i?: ApiInput<N>) => Promise<RouteResponse<N>>)(name, input),
    onSuccess: async (data, input) => {
      await Promise.all((options.invalidates ?? []).map((route) => client.invalidateQueries({ queryKey: [route] })));
      await options.onSuccess?.(data, input);
    },
  });
}
