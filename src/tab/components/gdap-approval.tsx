import { Badge, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactElement } from 'react';
import { describeRole } from '../../domain/gdap/gdap-roles.js';
import { gdapTexts } from '../../domain/gdap/gdap-texts.js';
import type { TenantGdap } from '../../domain/tenant/tenant-response.js';
import type { TabHost } from '../host/tab-host.js';
import { ExternalLinkButton } from './external-link-button.js';
import { formatDate } from './format-date.js';
import { useLocale, useText } from './locale-context.js';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  subheading: { margin: 0, marginBlockStart: tokens.spacingVerticalL },
  roles: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
});

export interface GdapApprovalProps {
  readonly gdap: TenantGdap;
  readonly distributorName: string;
  readonly host: TabHost;
}

/**
 * The GDAP request the distributor made for this tenant: its state, which
 * roles and why (the same words as the chat card), and the approval link
 * while it waits for the admin.
 */
export function GdapApproval({ gdap, distributorName, host }: GdapApprovalProps): ReactElement {
  const t = useText();
  const locale = useLocale();
  const styles = useStyles();
  const waiting = gdap.status === 'approvalPending' && gdap.invitationUrl !== null;
  const headingId = 'gdap-approval-title';
  return (
    <section aria-labelledby={headingId} className={styles.section}>
      <Text as="h3" id={headingId} size={400} weight="semibold" className={styles.subheading}>
        {t(gdapTexts.title)}
      </Text>
      <div>
        <Badge appearance="tint" color={gdap.status === 'active' ? 'success' : waiting ? 'warning' : 'informative'}>
          {t(gdapTexts.status[gdap.status])}
        </Badge>
      </div>
      {gdap.status !== 'active' && <Text>{t(gdapTexts.why(distributorName))}</Text>}
      <ul className={styles.roles} aria-label={t(gdapTexts.rolesTitle)}>
        {gdap.roles.map((role) => (
          <li key={role}>{t(describeRole(role))}</li>
        ))}
      </ul>
      {gdap.status === 'active' && gdap.endDateTime !== null && (
        <Text>
          {t(gdapTexts.activeUntil)} {formatDate(gdap.endDateTime.slice(0, 10), locale)}
        </Text>
      )}
      {waiting && (
        <>
          <Text>{t(gdapTexts.how)}</Text>
          <div>
            <ExternalLinkButton url={gdap.invitationUrl ?? ''} host={host} appearance="primary">
              {t(gdapTexts.approve)}
            </ExternalLinkButton>
          </div>
        </>
      )}
    </section>
  );
}
