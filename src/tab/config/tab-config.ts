import { z } from 'zod';

/**
 * `GET /api/config`: the non-secret settings the tab needs (README, 'HTTP contract').
 * The server is a separate deployable, so the tab checks the shape instead of
 * trusting it: a mismatch becomes a visible error, not a blank page.
 */
const catalogItemSchema = z.object({
  sku: z.string().trim().min(1),
  displayName: z.string().trim().min(1),
});

/** An absent optional id may come as `null` from JSON serializers; both mean "not configured". */
const optionalId = z
  .string()
  .trim()
  .min(1)
  .nullish()
  .transform((value) => value ?? undefined);

export const tabConfigSchema = z.object({
  distributorName: z.string().trim().min(1),
  // Rendered as a link target: only https, so config can never smuggle `javascript:` into the page.
  invitationUrl: z.url({ protocol: /^https$/ }),
  // Older servers do not send these: absent means no delegated admin and no GDAP step.
  invitationDelegatedAdmin: z.boolean().optional(),
  gdapApprovalUrl: z
    .url({ protocol: /^https$/ })
    .nullish()
    .transform((value) => value ?? undefined)
    .optional(),
  catalog: z.array(catalogItemSchema),
  timeZone: z.string().trim().min(1),
  today: z.iso.date(),
  demo: z.boolean(),
  aadAppClientId: optionalId,
  botId: optionalId,
});

export type TabConfig = z.output<typeof tabConfigSchema>;
export type CatalogItem = TabConfig['catalog'][number];

export type TabConfigParseResult =
  | { readonly ok: true; readonly config: TabConfig }
  | { readonly ok: false; readonly problem: string };

export function parseTabConfig(body: unknown): TabConfigParseResult {
  const result = tabConfigSchema.safeParse(body);
  if (result.success) return { ok: true, config: result.data };
  const problem = result.error.issues
    .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
  return { ok: false, problem };
}
