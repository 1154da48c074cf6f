/** The one JSON error shape every `/api/*` route answers with (README, 'HTTP contract'). */
export interface ApiErrorBody {
  readonly errors: readonly { readonly field: string; readonly code: string; readonly message: string }[];
}

export function apiError(code: string, message: string, field = ''): ApiErrorBody {
  return { errors: [{ field, code, message }] };
}
