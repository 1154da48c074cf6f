import { createDefaultHttpClient } from '@azure/core-rest-pipeline';
import type { HttpClient, PipelineRequest, PipelineResponse } from '@azure/core-rest-pipeline';

/** What went over the wire: each request's query filter and how many rows its answer held. */
export interface CountedRequest {
  readonly method: string;
  readonly filter: string | undefined;
  readonly rows: number;
}

export function countingTransport(): { readonly requests: CountedRequest[]; readonly httpClient: HttpClient } {
  const requests: CountedRequest[] = [];
  const inner = createDefaultHttpClient();
  return {
    requests,
    httpClient: {
      async sendRequest(request: PipelineRequest): Promise<PipelineResponse> {
        const response = await inner.sendRequest(request);
        const filter = new URL(request.url).searchParams.get('$filter') ?? undefined;
        requests.push({ method: request.method, filter, rows: rowsIn(request.method, response) });
        return response;
      },
    },
  };
}

function rowsIn(method: string, response: PipelineResponse): number {
  if (method !== 'GET' || response.status !== 200 || !response.bodyAsText) return 0;
  const body = JSON.parse(response.bodyAsText) as { value?: unknown[] };
  return Array.isArray(body.value) ? body.value.length : 1;
}
