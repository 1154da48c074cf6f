import { Button, Checkbox, Input, MessageBar, MessageBarBody, MessageBarTitle, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowRightRegular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import type { FormEvent, ReactElement } from 'react';
import { signatoryDisplayName } from '../../domain/customer-agreement/signatory-name.js';
import type { CustomerAgreementStatus } from '../../domain/customer-agreement/customer-agreement.js';
import { customerAgreementTexts } from '../../domain/customer-agreement/customer-agreement-texts.js';
import { prefillSignatory } from '../../domain/customer-agreement/signatory-prefill.js';
import type { SignatoryDraft } from '../../domain/customer-agreement/signatory-prefill.js';
import type { TenantResponse } from '../../domain/tenant/tenant-response.js';
import type { ApiFailure } from '../api/api-failure.js';
import type { ServerFieldError } from '../api/order-response.js';
import { tabTexts } from '../tab-texts.js';
import { ApiFailureMessage } from './api-failure-message.js';
import { ExternalLinkButton } from './external-link-button.js';
import { formatDate } from './format-date.js';
import { FormField } from './form-field.js';
import { useLocale, useText } from './locale-context.js';
import type { StepPanelProps } from './step-panel.js';
import { TenantStep } from './tenant-step.js';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '560px' },
  title: { display: 'block' },
  subheading: { margin: 0, marginBlockStart: tokens.spacingVerticalS },
  paragraph: { margin: 0 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

/** Ids of the form's controls, by the server's field path, so a 422 lands on its field. */
const FIELDS = ['lastName', 'firstName', 'middleName', 'email', 'phone'] as const;
type SignatoryField = (typeof FIELDS)[number];
const fieldId = (field: SignatoryField | 'accepted'): string => `mca-${field}`;
const OPTIONAL: ReadonlySet<SignatoryField> = new Set(['middleName', 'phone']);
const INPUT_TYPES: Readonly<Record<SignatoryField, 'text' | 'email' | 'tel'>> = {
  lastName: 'text',
  firstName: 'text',
  middleName: 'text',
  email: 'email',
  phone: 'tel',
};
const AUTOCOMPLETE: Readonly<Record<SignatoryField, string>> = {
  lastName: 'family-name',
  firstName: 'given-name',
  middleName: 'additional-name',
  email: 'email',
  phone: 'tel',
};

/**
 * The Microsoft Customer Agreement: what accepting means, a link to the
 * agreement, who accepts it on behalf of the organization (prefilled, never
 * split from one name) and the tick. The server checks everything again and
 * records who signed in as evidence.
 */
export function CustomerAgreementStep({ step, stepCount, host, session }: StepPanelProps): ReactElement {
  return (
    <TenantStep
      step={step}
      stepCount={stepCount}
      host={host}
      session={session}
      title={customerAgreementTexts.title}
      intro={customerAgreementTexts.explanation[0] ?? customerAgreementTexts.title}
    >
      {(tenant) => <CustomerAgreementContent tenant={tenant} host={host} session={session} />}
    </TenantStep>
  );
}

interface ContentProps extends Pick<StepPanelProps, 'host' | 'session'> {
  readonly tenant: TenantResponse;
}

function CustomerAgreementContent({ tenant, host, session }: ContentProps): ReactElement {
  const t = useText();
  const locale = useLocale();
  const styles = useStyles();
  const texts = customerAgreementTexts;
  const [status, setStatus] = useState<CustomerAgreementStatus | undefined>(tenant.customerAgreement);
  const current = status?.status === 'accepted' ? status.signatory : undefined;
  const user = tenant.user.status === 'ok' ? tenant.user.value : undefined;
  const teamsMember = host.kind === 'teams' ? host.user : undefined;
  const [draft, setDraft] = useState<SignatoryDraft>(() =>
    prefillSignatory({
      current,
      user,
      ...(teamsMember === undefined ? {} : { teamsMember: { email: teamsMember.email, userPrincipalName: teamsMember.userPrincipalName } }),
    }),
  );
  const [accepted, setAccepted] = useState(false);
  const [editing, setEditing] = useState(status?.status !== 'accepted');
  const [errors, setErrors] = useState<readonly ServerFieldError[]>([]);
  const [failure, setFailure] = useState<ApiFailure>();
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const api = session.api;

  // The latest order's e-mail and phone fill what the directory left empty (its contact name is one string: not used).
  useEffect(() => {
    if (api === undefined || current !== undefined) return undefined;
    const controller = new AbortController();
    void api.listOrders(controller.signal).then((result) => {
      const contact = result.ok ? result.value[0]?.contact : undefined;
      if (controller.signal.aborted || contact === undefined) return;
      setDraft((now) => ({ ...now, email: now.email || contact.email, phone: now.phone || contact.phone }));
    });
    return () => controller.abort();
  }, [api, current]);

  const agreementUrl = status?.agreementUrl;
  const errorOf = (field: SignatoryField | 'accepted'): string | undefined =>
    errors.find((error) => error.field === (field === 'accepted' ? 'accepted' : `signatory.${field}`))?.message;

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    if (api === undefined || saving) return;
    setSaving(true);
    setFailure(undefined);
    // Blank optional fields are left out; blank required ones are sent, so the server names them.
    const signatory = Object.fromEntries(
      FIELDS.map((field) => [field, draft[field].trim()] as const).filter(([field, value]) => value !== '' || !OPTIONAL.has(field)),
    );
    const outcome = await api.acceptCustomerAgreement({ accepted, signatory });
    setSaving(false);
    if (outcome.kind === 'invalid') {
      setErrors(outcome.errors);
      const first = outcome.errors[0]?.field.replace(/^signatory\./, '');
      if (first !== undefined) document.getElementById(fieldId(first as SignatoryField | 'accepted'))?.focus();
      return;
    }
    if (outcome.kind === 'failed') {
      setFailure(outcome.failure);
      return;
    }
    setErrors([]);
    setStatus(outcome.status);
    setEditing(false);
    setSaved(true);
    // The tenant and the header's checklist read again: the MCA step is now done.
    session.reloadTenant();
  };

  return (
    <div className={styles.stack}>
      {texts.explanation.slice(1).map((paragraph) => (
        <Text as="p" key={paragraph.en} className={styles.paragraph}>
          {t(paragraph)}
        </Text>
      ))}
      {agreementUrl !== undefined && (
        <div>
          <ExternalLinkButton url={agreementUrl} host={host}>
            {t(texts.readAgreement)}
          </ExternalLinkButton>
        </div>
      )}
      {status?.status === 'accepted' && (
        <MessageBar intent="success" layout="multiline" aria-live="polite">
          <MessageBarBody>
            {saved && <MessageBarTitle className={styles.title}>{t(texts.savedNotice)}</MessageBarTitle>}
            {t(texts.accepted(formatDate(status.acceptedAt, locale), signatoryDisplayName(status.signatory)))}
          </MessageBarBody>
        </MessageBar>
      )}
      {status?.status === 'accepted' && !editing ? (
        <div className={styles.actions}>
          <Button appearance="primary" icon={<ArrowRightRegular />} iconPosition="after" onClick={() => session.goTo('technicalDomain')}>
            {t(tabTexts.customerAgreement.next)}
          </Button>
          <Button
            onClick={() => {
              setEditing(true);
              setSaved(false);
            }}
          >
            {t(texts.acceptAgain)}
          </Button>
        </div>
      ) : (
        <form noValidate className={styles.form} onSubmit={(event) => void submit(event)}>
          <Text as="h3" size={400} weight="semibold" className={styles.subheading}>
            {t(texts.signatoryHeading)}
          </Text>
          {FIELDS.map((field) => (
            <FormField key={field} id={fieldId(field)} label={t(texts[field])} error={errorOf(field)} required={!OPTIONAL.has(field)}>
              <Input
                id={fieldId(field)}
                type={INPUT_TYPES[field]}
                autoComplete={AUTOCOMPLETE[field]}
                value={draft[field]}
                onChange={(_event, data) => setDraft((now) => ({ ...now, [field]: data.value }))}
              />
            </FormField>
          ))}
          <FormField id={fieldId('accepted')} label={t(texts.title)} error={errorOf('accepted')}>
            <Checkbox
              id={fieldId('accepted')}
              checked={accepted}
              required={false}
              aria-required
              label={t(texts.checkbox)}
              onChange={(_event, data) => setAccepted(data.checked === true)}
            />
          </FormField>
          {failure !== undefined && <ApiFailureMessage failure={failure} host={host} onRetry={() => setFailure(undefined)} />}
          <div className={styles.actions}>
            <Button type="submit" appearance="primary" disabled={saving || api === undefined}>
              {t(texts.accept)}
            </Button>
          </div>
        </form>
      )}
    </div>
  );
}
