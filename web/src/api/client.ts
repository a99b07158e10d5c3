/** A small fetch wrapper that speaks JSON to the Kehu API and turns problem+json answers into errors. */

/** One failing field of a rejected request. */
export type FieldIssue = { path: string; message: string };

/** The RFC 9457 body the server sends with every error. */
export type Problem = {
  title: string;
  status: number;
  detail: string;
  code: string;
  errors?: FieldIssue[];
};

/** An answer with an error status, carrying the server's problem details when it sent them. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem | undefined;

  constructor(status: number, problem: Problem | undefined, fallback: string) {
    super(problem?.detail ?? fallback);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }

  /** The stable error code, e.g. `auth.bad_credentials`, or `http.<status>` when the body had none. */
  get code(): string {
    return this.problem?.code ?? `http.${this.status}`;
  }
}

/** True when `error` is an API answer with the given status. */
export function isApiError(error: unknown, status?: number): error is ApiError {
  return error instanceof ApiError && (status === undefined || error.status === status);
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Calls the API and returns the parsed JSON body (undefined for 204); throws ApiError otherwise. */
export async function callApi<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  if (response.status === 204) return undefined as T;
  const type = response.headers.get('content-type') ?? '';
  const json: unknown = type.includes('json') ? await response.json().catch(() => undefined) : undefined;
  if (!response.ok)
    throw new ApiError(response.status, asProblem(json), `${response.status} ${response.statusText}`);
  return json as T;
}

function asProblem(json: unknown): Problem | undefined {
  if (typeof json !== 'object' || json === null) return undefined;
  const candidate = json as Partial<Problem>;
  return typeof candidate.code === 'string' && typeof candidate.detail === 'string'
    ? (candidate as Problem)
    : undefined;
}

/** Builds a query string from the defined, non-empty values, e.g. `?kind=business&q=acme`. */
export function queryString(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
