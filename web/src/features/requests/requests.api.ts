import { type RouteName, type RouteResponse, routes } from '@gatehouse/contracts';
import { buildUrl } from '../../lib/api';
import { useApiMutation } from '../../lib/hooks';

export type DocumentRequest = RouteResponse<'listDocumentRequests'>['requests'][number];
export type RequestItem = DocumentRequest['items'][number];
export type PublicRequest = RouteResponse<'getPublicRequest'>;

/** A change to a request can change the list, the request, and the files of the space (new documents). */
const requestQueries: RouteName[] = ['listDocumentRequests', 'getDocumentRequest', 'listFiles'];
export const useRequestsMutation = <N extends RouteName>(name: N) =>
  useApiMutation(name, { invalidates: requestQueries });

export const requestUploadUrl = (token: string, itemId: string) =>
  buildUrl(routes.uploadRequestFile.path, { token, id: itemId });

export const itemColor: Record<RequestItem['status'], string> = {
  pending: 'gray',
  received: 'blue',
  approved: 'teal',
  rejected: 'red',
};
