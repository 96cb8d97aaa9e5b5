import { type DocumentSummary, routes } from '@gatehouse/contracts';
import { type DetailedError, Upload } from 'tus-js-client';
import { ApiError, buildUrl, fallbackCode, sessionRefused } from '../../lib/api';

export type ResumableUploadOptions = {
  spaceId: string;
  folderId: string | null;
  csrfToken: string | null;
  comment?: string;
  onProgress?: (sent: number, total: number) => void;
  signal?: AbortSignal;
};

const CHUNK_SIZE = 8 * 1024 * 1024;

function problemOf(error: Error | DetailedError): ApiError {
  const response = 'originalResponse' in error ? error.originalResponse : null;
  if (!response) return new ApiError({ status: 0, code: 'network', title: 'Network error' });
  const status = response.getStatus();
  if (status === 401) sessionRefused();
  const fallback = { status, code: fallbackCode(status), title: error.message };
  try {
    return new ApiError({ ...fallback, ...JSON.parse(response.getBody()), status });
  } catch {
    return new ApiError(fallback);
  }
}

/** Retries what a retry can fix (network, 5xx, tus offset races); never a problem+json refusal from Gatehouse. */
function shouldRetry(error: DetailedError): boolean {
  const response = error.originalResponse;
  if (!response) return true;
  if ((response.getHeader('Content-Type') ?? '').includes('problem+json')) return false;
  const status = response.getStatus();
  return status >= 500 || status === 409 || status === 423 || status === 429;
}

/**
 * Uploads a file with tus in 8 MiB chunks, resuming after network failures (and after a reload, from the URL kept in
 * localStorage). Resolves with the document once the server has committed it; aborting terminates the partial upload.
 */
export function uploadResumable(file: File, options: ResumableUploadOptions): Promise<DocumentSummary> {
  const { spaceId, folderId, csrfToken, comment, onProgress, signal } = options;
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new DOMException('Upload aborted', 'AbortError'));
    const upload = new Upload(file, {
      endpoint: buildUrl(routes.createResumableUpload.path, { id: spaceId }),
      chunkSize: CHUNK_SIZE,
      retryDelays: [0, 1000, 3000, 5000, 10000, 20000],
      headers: csrfToken ? { 'X-CSRF-Token': csrfToken } : {},
      metadata: { filename: file.name, folderId: folderId ?? '', ...(comment ? { comment } : {}) },
      // The target belongs in the fingerprint: the same file sent to another folder is another upload.
      fingerprint: async (input) =>
        ['gatehouse', spaceId, folderId ?? 'root', input.name, input.size, input.lastModified].join(':'),
      removeFingerprintOnSuccess: true,
      onShouldRetry: (error) => shouldRetry(error),
      onProgress: (sent, total) => onProgress?.(sent, total),
      onError: (error) => reject(problemOf(error)),
      onSuccess: ({ lastResponse }) => {
        try {
          resolve((JSON.parse(lastResponse.getBody()) as { document: DocumentSummary }).document);
        } catch {
          // The last answer was a HEAD of an already complete upload: the document exists, its summary was lost.
          reject(new ApiError({ status: 0, code: 'network', title: 'Upload finished; reload the folder' }));
        }
      },
    });
    signal?.addEventListener(
      'abort',
      () => {
        void upload.abort(true).catch(() => {});
        reject(new DOMException('Upload aborted', 'AbortError'));
      },
      { once: true },
    );
    void upload.findPreviousUploads().then((previous) => {
      if (previous[0]) upload.resumeFromPreviousUpload(previous[0]);
      upload.start();
    });
  });
}
