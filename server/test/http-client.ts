export type HttpResponse<T = any> = { status: number; headers: Headers; body: T; text: string };

/**
 * A tiny browser-like client over real HTTP: keeps its session cookie, echoes the CSRF token from /me on changes,
 * and sends an Origin header like a browser does.
 */
export class HttpClient {
  cookies = new Map<string, string>();
  csrfToken: string | null = null;
  bearer: string | null = null;

  constructor(readonly baseUrl: string) {}

  async request<T = any>(
    method: string,
    path: string,
    options: { body?: unknown; rawBody?: string; formData?: FormData; headers?: Record<string, string> } = {},
  ): Promise<HttpResponse<T>> {
    const headers: Record<string, string> = { origin: this.baseUrl, ...options.headers };
    if (this.cookies.size > 0) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (this.csrfToken && method !== 'GET') headers['x-csrf-token'] = this.csrfToken;
    if (this.bearer) headers.authorization = `Bearer ${this.bearer}`;
    let payload: string | FormData | undefined;
    if (options.formData !== undefined) payload = options.formData;
    else if (options.rawBody !== undefined) payload = options.rawBody;
    else if (options.body !== undefined) {
      payload = JSON.stringify(options.body);
      headers['content-type'] ??= 'application/json';
    }
    const response = await fetch(`${this.baseUrl}${path}`, { method, headers, body: payload, redirect: 'manual' });
    this.keepCookies(response);
    const text = await response.text();
    let body: unknown = text;
    if ((response.headers.get('content-type') ?? '').includes('json') && text) body = JSON.parse(text);
    return { status: response.status, headers: response.headers, body: body as T, text };
  }

  private keepCookies(response: Response) {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const [name, ...rest] = pair.split('=');
      const value = rest.join('=');
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(cookie)) this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value);
    }
  }

  /** Uploads one file as multipart/form-data (fields first, then the `file` part), like the web app does. */
  upload<T = any>(
    path: string,
    fields: Record<string, string>,
    fileName: string,
    bytes: Uint8Array,
    method = 'POST',
  ): Promise<HttpResponse<T>> {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    form.append('file', new Blob([new Uint8Array(bytes)]), fileName);
    return this.request<T>(method, path, { formData: form });
  }

  /** A GET whose body is kept as raw bytes (downloads); the JSON of a problem answer is parsed into `problem`. */
  async getBytes(path: string, headers: Record<string, string> = {}, method = 'GET') {
    const allHeaders: Record<string, string> = { origin: this.baseUrl, ...headers };
    if (this.cookies.size > 0) allHeaders.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (this.bearer) allHeaders.authorization = `Bearer ${this.bearer}`;
    const response = await fetch(`${this.baseUrl}${path}`, { method, headers: allHeaders, redirect: 'manual' });
    this.keepCookies(response);
    const bytes = Buffer.from(await response.arrayBuffer());
    const isProblem = (response.headers.get('content-type') ?? '').includes('problem+json');
    return {
      status: response.status,
      headers: response.headers,
      bytes,
      problem: isProblem ? (JSON.parse(bytes.toString('utf8')) as { code: string; status: number }) : null,
    };
  }

  get<T = any>(path: string, headers?: Record<string, string>) {
    return this.request<T>('GET', path, { headers });
  }
  post<T = any>(path: string, body?: unknown) {
    return this.request<T>('POST', path, { body: body ?? {} });
  }
  patch<T = any>(path: string, body: unknown) {
    return this.request<T>('PATCH', path, { body });
  }
  delete<T = any>(path: string) {
    return this.request<T>('DELETE', path);
  }

  /** Signs in with a password (and a TOTP code when asked) and loads the CSRF token. Throws if it fails. */
  async signIn(email: string, password: string, totpCode?: string): Promise<void> {
    const login = await this.post('/api/v1/auth/login', { email, password });
    if (login.status !== 200) throw new Error(`sign-in of ${email} failed: ${login.status} ${login.text}`);
    if (login.body.twoFactorRequired) {
      if (!totpCode) throw new Error(`sign-in of ${email} needs a TOTP code`);
      const second = await this.post('/api/v1/auth/2fa', { code: totpCode });
      if (second.status !== 200) throw new Error(`2FA of ${email} failed: ${second.status} ${second.text}`);
    }
    await this.refreshCsrf();
  }

  async refreshCsrf() {
    const me = await this.get('/api/v1/me');
    this.csrfToken = me.status === 200 ? me.body.csrfToken : null;
    return me;
  }
}
