import { ApiError, fallbackCode, getCsrfToken, sessionRefused } from '../../../lib/api';
import { uploadResumable } from '../tus-upload';

/** Above this size a file goes through tus: a dropped connection resumes where it stopped instead of starting over. */
const RESUMABLE_FROM_BYTES = 64 * 1024 * 1024;
const SPACE_UPLOAD_URL = /^\/api\/v1\/spaces\/([0-9a-f-]{36})\/documents$/;

/** Thrown when the person cancelled the upload (xhr.abort): not an error to show. */
export class UploadCanceled extends Error {
  constructor() {
    super('Upload cancelled');
    this.name = 'UploadCanceled';
  }
}

export type UploadRequest = {
  url: string;
  /** Text fields, sent before the file: the server reads them first and streams the file after. */
  fields: Record<string, string | null | undefined>;
  file: File;
  onProgress?: (sentBytes: number) => void;
};

export type UploadHandle<T> = { result: Promise<T>; abort: () => void };
export type SendUpload = <T>(request: UploadRequest) => UploadHandle<T>;

function problemOf(xhr: XMLHttpRequest): ApiError {
  const fallback = { status: xhr.status, title: xhr.statusText, code: fallbackCode(xhr.status) };
  try {
    const problem = JSON.parse(xhr.responseText) as Partial<ConstructorParameters<typeof ApiError>[0]>;
    return new ApiError({ ...fallback, ...problem, status: xhr.status });
  } catch {
    return new ApiError(fallback);
  }
}

/**
 * One multipart POST through XMLHttpRequest rather than fetch: only XHR reports upload progress in every browser.
 * Progress is in bytes of the file (the multipart envelope around it is scaled away).
 */
export const sendUpload: SendUpload = <T>(request: UploadRequest) => {
  const space = SPACE_UPLOAD_URL.exec(request.url);
  if (space && request.file.size >= RESUMABLE_FROM_BYTES) return sendResumable<T>(space[1], request);
  return sendMultipart<T>(request);
};

function sendResumable<T>(spaceId: string, { fields, file, onProgress }: UploadRequest): UploadHandle<T> {
  const controller = new AbortController();
  const result = uploadResumable(file, {
    spaceId,
    folderId: fields.folderId ?? null,
    comment: fields.comment ?? undefined,
    csrfToken: getCsrfToken(),
    onProgress: (sent) => onProgress?.(sent),
    signal: controller.signal,
  }).then(
    (document) => ({ document }) as T,
    (error) => {
      throw controller.signal.aborted ? new UploadCanceled() : error;
    },
  );
  return { result, abort: () => controller.abort() };
}

function sendMultipart<T>({ url, fields, file, onProgress }: UploadRequest): UploadHandle<T> {
  const xhr = new XMLHttpRequest();
  const result = new Promise<T>((resolve, reject) => {
    const body = new FormData();
    for (const [name, value] of Object.entries(fields)) {
      if (value !== undefined && value !== null) body.append(name, value);
    }
    body.append('file', file, file.name);
    xhr.open('POST', url);
    xhr.setRequestHeader('Accept', 'application/json');
    const token = getCsrfToken();
    if (token) xhr.setRequestHeader('X-CSRF-Token', token);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress?.(Math.round((event.loaded / event.total) * file.size));
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve(JSON.parse(xhr.responseText) as T);
        } catch {
          reject(new ApiError({ status: xhr.status, code: 'http.internal', title: 'Unreadable answer' }));
        }
        return;
      }
      if (xhr.status === 401) sessionRefused();
      reject(problemOf(xhr));
    };
    xhr.onerror = () => reject(new ApiError({ status: 0, code: 'network', title: 'Network error' }));
    xhr.onabort = () => reject(new UploadCanceled());
    xhr.send(body);
  });
  return { result, abort: () => xhr.abort() };
}
