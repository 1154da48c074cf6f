import {
  Badge,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { ReactElement } from 'react';
import type { DomainFacts, TenantResponse } from '../../domain/tenant/tenant-response.js';
import type { TabHost } from '../host/tab-host.js';
import { tabTexts } from '../tab-texts.js';
import { AdminNotice } from './admin-notice.js';
import { ApiFailureMessage } from './api-failure-message.js';
import { CheckAgain } from './check-again.js';
import { ExternalLinkButton } from './external-link-button.js';
import { useText } from './locale-context.js';
import type { StepPanelProps } from './step-panel.js';
import { TenantStep } from './tenant-step.js';

/** Microsoft 365 admin center → Settings → Domains. */
export const ADMIN_CENTER_DOMAINS_URL = 'https://admin.microsoft.com/Adminportal/Home#/Domains';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  title: { display: 'block' },
  domainBox: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    paddingBlock: tokens.spacingVerticalM,
    paddingInline: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorBrandStroke1}`,
  },
  domain: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase500, overflowWrap: 'anywhere' },
  subheading: { margin: 0, marginBlockStart: tokens.spacingVerticalM },
  howTo: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  domains: { listStyleType: 'none', margin: 0, padding: 0 },
  domainRow: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    paddingBlock: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  mono: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: 'anywhere' },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** Step 4: the `*.onmicrosoft.com` domain, and how to make it the default one when it is not. */
export function TechnicalDomainStep({ step, stepCount, host, session }: StepPanelProps): ReactElement {
  const texts = tabTexts.technicalDomain;
  return (
    <TenantStep step={step} stepCount={stepCount} host={host} session={session} title={texts.title} intro={texts.intro}>
      {(tenant) => <DomainContent tenant={tenant} host={host} session={session} />}
    </TenantStep>
  );
}

interface DomainContentProps extends Pick<StepPanelProps, 'host' | 'session'> {
  readonly tenant: TenantResponse;
}

function DomainContent({ tenant, host, session }: DomainContentProps): ReactElement {
  const t = useText();
  const styles = useStyles();
  const texts = tabTexts.technicalDomain;
  const { domains } = tenant;
  return (
    <div className={styles.stack}>
      <div>
        <Text as="h3" size={400} weight="semibold" className={styles.subheading}>
          {t(texts.whyTitle)}
        </Text>
        <Text as="p">{t(texts.why)}</Text>
      </div>
      {domains.status === 'ok' ? (
        <KnownDomains domains={domains.value} host={host} />
      ) : (
        <>
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle className={styles.title}>{t(texts.unknownTitle)}</MessageBarTitle>
              {t(texts.findYourself)}
            </MessageBarBody>
          </MessageBar>
          {domains.status === 'needsConsent' && (
            <ApiFailureMessage
              failure={{ kind: 'consentRequired', adminConsentUrl: domains.adminConsentUrl ?? tenant.adminConsentUrl }}
              host={host}
              intent="warning"
              onRetry={session.reloadTenant}
            />
          )}
        </>
      )}
      <AdminNotice
        admin={tenant.admin}
        steps={domains.status === 'ok' && !domains.value.technicalDomainIsDefault ? ['setDefaultDomain'] : []}
      />
      <CheckAgain session={session} host={host} />
    </div>
  );
}

function KnownDomains({ domains, host }: { readonly domains: DomainFacts; readonly host: TabHost }): ReactElement {
  const t = useText();
  const styles = useStyles();
  const texts = tabTexts.technicalDomain;
  const { technicalDomain, defaultDomain, technicalDomainIsDefault, verified } = domains;
  return (
    <>
      {technicalDomain === null ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle className={styles.title}>{t(texts.noTechnical)}</MessageBarTitle>
            {t(texts.findYourself)}
          </MessageBarBody>
        </MessageBar>
      ) : (
        <>
          <div className={styles.domainBox}>
            <Text size={200} className={styles.muted}>
              {t(texts.yourDomain)}
            </Text>
            <Text weight="semibold" className={styles.domain}>
              {technicalDomain}
            </Text>
          </div>
          {technicalDomainIsDefault ? (
            <MessageBar intent="success" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle className={styles.title}>{t(texts.isDefaultTitle)}</MessageBarTitle>
                {t(texts.isDefault)}
              </MessageBarBody>
            </MessageBar>
          ) : (
            <>
              <MessageBar intent="warning" layout="multiline">
                <MessageBarBody>
                  <MessageBarTitle className={styles.title}>{t(texts.notDefaultTitle)}</MessageBarTitle>
                  {t(texts.notDefault(defaultDomain))}
                </MessageBarBody>
              </MessageBar>
              <Text as="h3" size={400} weight="semibold" className={styles.subheading}>
                {t(texts.howToTitle)}
              </Text>
              <ol className={styles.howTo}>
                {texts.howTo(technicalDomain).map((line) => (
                  <li key={line.en}>
                    <Text>{t(line)}</Text>
                  </li>
                ))}
              </ol>
              <div>
                <ExternalLinkButton url={ADMIN_CENTER_DOMAINS_URL} host={host} appearance="primary">
                  {t(texts.openDomains)}
                </ExternalLinkButton>
              </div>
            </>
          )}
        </>
      )}
      {verified.length > 0 && (
        <>
          <Text as="h3" size={400} weight="semibold" className={styles.subheading}>
            {t(texts.allDomains)}
          </Text>
          <ul className={styles.domains}>
            {verified.map((domain) => (
              <li key={domain.name} className={styles.domainRow}>
                <Text className={styles.mono}>{domain.name}</Text>
                {domain.isDefault && (
                  <Badge appearance="tint" color="brand">
                    {t(texts.defaultBadge)}
                  </Badge>
                )}
                {domain.name === technicalDomain && (
                  <Badge appearance="outline" color="informative">
                    {t(texts.technicalBadge)}
                  </Badge>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
