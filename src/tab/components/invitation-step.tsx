import {
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { ReactElement } from 'react';
import { invitationPageTexts } from '../../domain/invitation/invitation-page-texts.js';
import { adminCenterLabels, tabTexts } from '../tab-texts.js';
import { AdminCenterLabel } from './admin-center-label.js';
import { AdminNotice } from './admin-notice.js';
import { CatalogPanel } from './catalog-panel.js';
import { ExternalLinkButton } from './external-link-button.js';
import { useText } from './locale-context.js';
import type { StepPanelProps } from './step-panel.js';
import { useSurfaceStyles } from './surface-styles.js';

const useStyles = makeStyles({
  columns: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) 320px',
    alignItems: 'start',
    gap: tokens.spacingHorizontalXL,
    '@media (max-width: 1099px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  eyebrow: { display: 'block', color: tokens.colorBrandForeground1, fontWeight: tokens.fontWeightSemibold },
  title: { margin: 0, marginBlockStart: tokens.spacingVerticalXS },
  paragraph: { display: 'block', marginBlock: `${tokens.spacingVerticalM} ${tokens.spacingVerticalL}`, maxWidth: '72ch' },
  subheading: { margin: 0 },
  instructions: {
    listStyleType: 'none',
    margin: 0,
    marginBlockStart: tokens.spacingVerticalM,
    padding: 0,
    counterReset: 'instruction',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
  },
  instruction: {
    position: 'relative',
    paddingInlineStart: '40px',
    counterIncrement: 'instruction',
    maxWidth: '72ch',
    '::before': {
      content: 'counter(instruction)',
      position: 'absolute',
      insetInlineStart: 0,
      top: '-2px',
      width: '24px',
      height: '24px',
      borderRadius: tokens.borderRadiusCircular,
      backgroundColor: tokens.colorBrandBackground2,
      color: tokens.colorBrandForeground2,
      fontSize: tokens.fontSizeBase200,
      fontWeight: tokens.fontWeightSemibold,
      display: 'flex',
      alignItems: 'center',
      justifyContent: 'center',
    },
  },
  actions: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalL,
    marginBlock: tokens.spacingVerticalXXL,
  },
  muted: { color: tokens.colorNeutralForeground3 },
  notice: { marginBlockEnd: tokens.spacingVerticalM },
  olderPage: { display: 'block', marginBlockStart: tokens.spacingVerticalL, maxWidth: '72ch', color: tokens.colorNeutralForeground3 },
  gdap: {
    marginBlock: tokens.spacingVerticalXL,
    paddingBlock: tokens.spacingVerticalL,
    paddingInline: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  // Fluent runs the title into the text; on its own line it reads as a heading, not a run-on sentence.
  noteTitle: { display: 'block' },
});

/**
 * Step 1: the distributor's invitation link and what today's page in the
 * admin center asks for; the older page's labels as a hint; GDAP approval,
 * when configured, as a separate part with its own button.
 */
export function InvitationStep({ step, stepCount, config, host, session }: StepPanelProps): ReactElement {
  const t = useText();
  const styles = useStyles();
  const surface = useSurfaceStyles();
  const texts = tabTexts.invitation;
  const linkHost = new URL(config.invitationUrl).hostname;
  const titleId = `step-${step.id}-title`;

  return (
    <div className={styles.columns}>
      <section aria-labelledby={titleId} className={surface.surface}>
        <Text size={200} className={styles.eyebrow}>
          {t(tabTexts.stepOf(step.number, stepCount))}
        </Text>
        <Text as="h2" id={titleId} size={600} weight="semibold" className={styles.title}>
          {t(texts.title)}
        </Text>
        <Text as="p" className={styles.paragraph}>
          {t(texts.intro(config.distributorName))} {t(config.invitationDelegatedAdmin === true ? invitationPageTexts.delegatedAdmin : invitationPageTexts.noAdminRights)}
        </Text>

        <Text as="h3" size={400} weight="semibold" className={styles.subheading}>
          {t(texts.howToTitle)}
        </Text>
        <ol className={styles.instructions}>
          <li className={styles.instruction}>
            <Text>{t(texts.signIn)}</Text>
          </li>
          <li className={styles.instruction}>
            <Text>{t(texts.reviewAgreement)}</Text>
          </li>
          <li className={styles.instruction}>
            <Text>{t(texts.pressAccept)}</Text>
          </li>
        </ol>
        <Text size={200} className={styles.olderPage}>
          {t(texts.olderPage)}
        </Text>
        <AdminCenterLabel control="checkbox" text={adminCenterLabels.consent} />
        <AdminCenterLabel control="button" text={adminCenterLabels.authorize} />

        <div className={styles.actions}>
          <ExternalLinkButton url={config.invitationUrl} host={host} appearance="primary" size="large">
            {t(texts.openInvitation)}
          </ExternalLinkButton>
          <Text size={200} className={styles.muted}>
            {t(texts.linkTarget(linkHost))}
          </Text>
        </div>

        {config.gdapApprovalUrl !== undefined && (
          <section aria-labelledby={`${titleId}-gdap`} className={styles.gdap}>
            <Text as="h3" id={`${titleId}-gdap`} size={400} weight="semibold" className={styles.subheading}>
              {t(texts.gdapTitle)}
            </Text>
            <Text as="p" className={styles.paragraph}>
              {t(invitationPageTexts.gdapRequest(config.distributorName))}
            </Text>
            <ExternalLinkButton url={config.gdapApprovalUrl} host={host} appearance="primary">
              {t(invitationPageTexts.approveGdap)}
            </ExternalLinkButton>
          </section>
        )}

        {session.tenant.status === 'ready' && (
          <div className={styles.notice}>
            <AdminNotice admin={session.tenant.tenant.admin} steps={['acceptInvitation']} />
          </div>
        )}

        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle className={styles.noteTitle}>{t(texts.revocableTitle)}</MessageBarTitle>
            {t(invitationPageTexts.revocable)}
          </MessageBarBody>
        </MessageBar>
      </section>
      <CatalogPanel distributorName={config.distributorName} catalog={config.catalog} />
    </div>
  );
}
