import { Button, MessageBar, MessageBarBody, MessageBarTitle, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { MessageBarProps } from '@fluentui/react-components';
import { ArrowLeftRegular } from '@fluentui/react-icons';
import type { ReactElement } from 'react';
import type { AdminStep } from '../../domain/tenant/directory-roles.js';
import type { RelationshipLevel, TenantResponse } from '../../domain/tenant/tenant-response.js';
import { tabTexts } from '../tab-texts.js';
import { AdminNotice } from './admin-notice.js';
import { CheckAgain } from './check-again.js';
import { EvidenceList } from './evidence-list.js';
import { GdapApproval } from './gdap-approval.js';
import { useText } from './locale-context.js';
import type { StepPanelProps } from './step-panel.js';
import { TenantStep } from './tenant-step.js';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  title: { display: 'block' },
  subheading: { margin: 0, marginBlockStart: tokens.spacingVerticalL },
});

const levelIntent: Readonly<Record<RelationshipLevel, NonNullable<MessageBarProps['intent']>>> = {
  confirmed: 'success',
  detected: 'success',
  declared: 'warning',
  notFound: 'warning',
};

/**
 * Step 2: the evidence that the CSP relationship exists, at its level
 * (confirmed, detected, declared or not found), and the distributor's GDAP
 * request with its approval link when there is one.
 */
export function ConfirmationStep({ step, stepCount, config, host, session }: StepPanelProps): ReactElement {
  const texts = tabTexts.confirmation;
  return (
    <TenantStep step={step} stepCount={stepCount} host={host} session={session} title={texts.title} intro={texts.intro}>
      {(tenant) => <ConfirmationContent tenant={tenant} distributorName={config.distributorName} host={host} session={session} />}
    </TenantStep>
  );
}

interface ConfirmationContentProps extends Pick<StepPanelProps, 'host' | 'session'> {
  readonly tenant: TenantResponse;
  readonly distributorName: string;
}

function ConfirmationContent({ tenant, distributorName, host, session }: ConfirmationContentProps): ReactElement {
  const t = useText();
  const styles = useStyles();
  const texts = tabTexts.confirmation;
  const { level, evidence } = tenant.relationship;
  const adminSteps: AdminStep[] = ['checkRelationship'];
  if (evidence.some((item) => item.status === 'needsConsent')) adminSteps.push('grantConsent');
  if (level === 'notFound') adminSteps.unshift('acceptInvitation');
  return (
    <div className={styles.stack}>
      <MessageBar intent={levelIntent[level]} layout="multiline" aria-live="polite">
        <MessageBarBody>
          <MessageBarTitle className={styles.title}>{t(texts.levels[level].title)}</MessageBarTitle>
          {t(texts.levels[level].text)}
        </MessageBarBody>
      </MessageBar>
      {level === 'notFound' && (
        <div>
          <Button icon={<ArrowLeftRegular />} onClick={() => session.goTo('invitation')}>
            {t(texts.backToInvitation)}
          </Button>
        </div>
      )}
      <AdminNotice admin={tenant.admin} steps={adminSteps} />
      {tenant.gdap && <GdapApproval gdap={tenant.gdap} distributorName={distributorName} host={host} />}
      <CheckAgain session={session} host={host} />
      <Text as="h3" size={400} weight="semibold" className={styles.subheading}>
        {t(texts.evidenceTitle)}
      </Text>
      <EvidenceList evidence={evidence} adminConsentUrl={tenant.adminConsentUrl} host={host} />
    </div>
  );
}
