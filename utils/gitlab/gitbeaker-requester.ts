import type { Users } from '@gitbeaker/rest';
import type { GitLabTransport, HttpMethod, QueryParams } from './transport';

// A gitbeaker `requesterFn` that sends through our GitLabTransport instead of gitbeaker's own
// fetch loop, so gitbeaker resources (Users, Issues, ...) get the same auth, concurrency, timeout,
// Retry-After handling and error mapping as our paginator. gitbeaker calls the requester with
// the resource URL (`<host>/api/v4/<prefix>`), an endpoint already URL-encoded by its `endpoint`
// tag, and raw `searchParams`/`body` objects with camelCase keys (its default options handler,
// which would decamelize them, is bypassed when a custom requesterFn is given).

type RequesterFn = NonNullable<ConstructorParameters<typeof Users>[0]['requesterFn']>;
type Requester = ReturnType<RequesterFn>;

interface RequesterCallOptions {
  searchParams?: Record<string, unknown>;
  body?: unknown;
}

/** `assigneeIds` → `assignee_ids`, top-level keys only (our bodies are flat). */
function snakeCaseKeys(body: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(body).map(([key, value]) => [key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), value]),
  );
}

function toQuery(searchParams: Record<string, unknown> | undefined): QueryParams {
  const query: QueryParams = {};
  for (const [key, value] of Object.entries(searchParams ? snakeCaseKeys(searchParams) : {})) {
    if (value === undefined || value === null) continue;
    query[key] = Array.isArray(value) ? value.map(String) : String(value);
  }
  return query;
}

export function transportRequesterFn(transport: GitLabTransport): RequesterFn {
  return (resourceOptions) => {
    const resourceUrl = resourceOptions.url.replace(/\/+$/, '');
    if (!resourceUrl.startsWith(transport.apiRoot)) {
      throw new Error(`gitbeaker resource ${resourceUrl} is not on ${transport.apiRoot}`);
    }
    const call =
      (method: HttpMethod) =>
      async (endpoint: string, options: RequesterCallOptions = {}) => {
        const path = `${resourceUrl}/${endpoint}`.slice(transport.apiRoot.length);
        const body =
          options.body && typeof options.body === 'object' && !(options.body instanceof FormData)
            ? snakeCaseKeys(options.body as Record<string, unknown>)
            : undefined;
        const response = await transport.send({
          method,
          url: transport.url(path, toQuery(options.searchParams)),
          ...(body === undefined ? {} : { body }),
        });
        return {
          body: response.body,
          headers: Object.fromEntries(response.headers.entries()),
          status: response.status,
        };
      };
    // gitbeaker types each method generically on the body it expects; every body is unknown to
    // us until zod parses it in client.ts, so the generic is erased here.
    const requester = {
      get: call('GET'),
      post: call('POST'),
      put: call('PUT'),
      patch: call('PATCH'),
      delete: call('DELETE'),
    };
    return requester as unknown as Requester;
  };
}
