import { Badge, Button, Link, MessageBar, MessageBarBody, MessageBarTitle, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactElement } from 'react';
import { useCallback, useEffect, useState } from 'react';
import { describeRole } from '../../domain/gdap/gdap-roles.js';
import { gdapTexts } from '../../domain/gdap/gdap-texts.js';
import { formatDate } from '../../tab/components/format-date.js';
import { useLocale, useText } from '../../tab/components/locale-context.js';
import type { GdapBoardApi, GdapOutcome } from './gdap-board-api.js';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, alignItems: 'flex-start' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  roles: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  link: { overflowWrap: 'anywhere' },
});

export interface GdapSectionProps {
  readonly tenantId: string;
  readonly orderId: string;
  /** Demo mode: «Одобрить (демо)» stands in for the customer's approval. */
  readonly demo: boolean;
  readonly api: GdapBoardApi;
}

/**
 * The order view's GDAP section: request it for the order's customer, see
 * its state and the customer's link, check again, and in demo mode approve
 * as the customer would.
 */
export function GdapSection({ tenantId, orderId, demo, api }: GdapSectionProps): ReactElement {
  const t = useText();
  const locale = useLocale();
  const styles = useStyles();
  const texts = gdapTexts.board;
  const [outcome, setOutcome] = useState<GdapOutcome | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  const run = useCallback(async (action: () => Promise<GdapOutcome>) => {
    setBusy(true);
    try {
      setOutcome(await action());
    } finally {
      setBusy(false);
    }
  }, []);
  useEffect(() => {
    void run(() => api.get(tenantId));
  }, [api, tenantId, run]);

  if (outcome === undefined) return <Text>…</Text>;
  const gdap = outcome.kind === 'ok' ? outcome.gdap : undefined;
  const ended = gdap !== undefined && (gdap.status === 'expired' || gdap.status === 'terminated');
  return (
    <div className={styles.stack} aria-busy={busy}>
      {outcome.kind === 'failed' && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t(texts.failed)}</MessageBarTitle>
            {outcome.message}
          </MessageBarBody>
        </MessageBar>
      )}
      {outcome.kind === 'none' && <Text>{t(texts.notRequested)}</Text>}
      {gdap && (
        <>
          <Badge appearance="tint" color={gdap.status === 'active' ? 'success' : gdap.status === 'approvalPending' ? 'warning' : 'informative'}>
            {t(gdapTexts.status[gdap.status])}
          </Badge>
          {gdap.invitationUrl !== null && gdap.status === 'approvalPending' && (
            <>
              <Text weight="semibold">{t(texts.link)}</Text>
              <Link href={gdap.invitationUrl} target="_blank" rel="noopener noreferrer" className={styles.link}>
                {gdap.invitationUrl}
              </Link>
              <Text>{t(texts.sentToChat)}</Text>
            </>
          )}
          {gdap.status === 'active' && gdap.endDateTime !== null && (
            <Text>
              {t(gdapTexts.activeUntil)} {formatDate(gdap.endDateTime.slice(0, 10), locale)}
            </Text>
          )}
          <Text weight="semibold">{t(texts.roles)}</Text>
          <ul className={styles.roles}>
            {gdap.roles.map((role) => (
              <li key={role}>{t(describeRole(role))}</li>
            ))}
          </ul>
        </>
      )}
      <div className={styles.actions}>
        {(outcome.kind !== 'ok' || ended) && (
          <Button appearance="primary" disabled={busy} onClick={() => void run(() => api.request(tenantId, orderId))}>
            {t(ended ? texts.requestAgain : texts.request)}
          </Button>
        )}
        {demo && gdap?.status === 'approvalPending' && (
          <Button disabled={busy} onClick={() => void run(() => api.approveDemo(tenantId))}>
            {t(texts.approveDemo)}
          </Button>
        )}
        {gdap && (
          <Button appearance="subtle" disabled={busy} onClick={() => void run(() => api.get(tenantId))}>
            {t(texts.checkAgain)}
          </Button>
        )}
      </div>
    </div>
  );
}
