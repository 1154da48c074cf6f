import {
  Button,
  Checkbox,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { SendRegular } from '@fluentui/react-icons';
import { useId, useMemo } from 'react';
import type { FormEvent, ReactElement } from 'react';
import { addDays } from '../../domain/calendar.js';
import { licenseCount, orderFormTexts, subscriptionKindLabels } from '../../domain/cards/card-texts.js';
import type { LocalizedText } from '../../domain/i18n/locale.js';
import { pick } from '../../domain/i18n/locale.js';
import { ORDER_LIMITS } from '../../domain/order/order-validation.js';
import type { ApiFailure } from '../api/api-failure.js';
import type { CatalogItem } from '../config/tab-config.js';
import type { TabHost } from '../host/tab-host.js';
import type { FieldMessages } from '../order/order-form-errors.js';
import {
  INVITATION_NOT_YET_ID,
  ORDER_FORM_ID,
  ORDER_ROOT_ERROR_ID,
  chooseTrial,
  editField,
  fieldId,
  quantityFieldId,
  selectSku,
  touchField,
} from '../order/order-form-state.js';
import type { OrderDraft, OrderFormState, SimpleFieldPath } from '../order/order-form-state.js';
import { draftDateFromTyped, typedDateFromDraft } from '../order/russian-date-input.js';
import { tabTexts } from '../tab-texts.js';
import type { RelationshipLevel } from '../../domain/tenant/tenant-response.js';
import { ApiFailureMessage } from './api-failure-message.js';
import { ExternalLinkButton } from './external-link-button.js';
import { FormField } from './form-field.js';
import { formatDate } from './format-date.js';
import { useLocale } from './locale-context.js';
import { OrderLinesField } from './order-lines-field.js';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL },
  fieldset: {
    border: 'none',
    margin: 0,
    padding: 0,
    minWidth: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
  legend: {
    padding: 0,
    marginBlockEnd: tokens.spacingVerticalS,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground1,
  },
  hint: { color: tokens.colorNeutralForeground3 },
  narrow: { maxWidth: '240px' },
  medium: { maxWidth: '420px' },
  grid: {
    display: 'grid',
    gridTemplateColumns: '160px minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalM,
    '@media (max-width: 599px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  wide: { gridColumn: '1 / -1' },
  // Fluent's Input is inline and sized by its text; in a grid cell it must take the cell's width.
  fill: { width: '100%', minWidth: 0 },
  submitRow: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalL },
  title: { display: 'block' },
  invitationButton: { marginBlockStart: tokens.spacingVerticalS },
});

function invitationEvidenceHint(accepted: boolean, level: RelationshipLevel | undefined, t: (text: LocalizedText) => string): string | undefined {
  if (!accepted) return undefined;
  if (level === 'confirmed') return t(orderFormTexts.invitationConfirmed);
  if (level === 'detected') return t(orderFormTexts.invitationDetected);
  return undefined;
}

/** The native input attributes a text field may set. */
interface TextInputOptions {
  readonly type?: 'text' | 'email' | 'tel' | 'date';
  readonly inputMode?: 'numeric' | 'email' | 'tel';
  readonly autoComplete?: string;
  readonly maxLength?: number;
  readonly min?: string;
  readonly max?: string;
  readonly placeholder?: string;
}

export interface OrderFormProps {
  readonly state: OrderFormState;
  readonly onChange: (update: (state: OrderFormState) => OrderFormState) => void;
  readonly errors: FieldMessages;
  readonly catalog: readonly CatalogItem[];
  readonly today: string;
  /** Whether the tenant's subscriptions were read (only then can "no trials found" be said). */
  readonly subscriptionsKnown: boolean;
  readonly submitting: boolean;
  readonly submitFailure: ApiFailure | undefined;
  readonly host: TabHost;
  readonly onSubmit: () => void;
  /** The CSP invitation, offered right here while "accepted" is not ticked. */
  readonly invitationUrl: string;
  /** How strongly the relationship is already evidenced: `detected`/`confirmed` explain the ticked box. */
  readonly relationshipLevel?: RelationshipLevel;
}

/** The ten items of the distributor's order form (the e-mail form this app replaces) as an accessible Fluent form. */
export function OrderForm(props: OrderFormProps): ReactElement {
  const { state, onChange, errors, catalog, today, subscriptionsKnown, submitting, submitFailure, host, onSubmit, invitationUrl, relationshipLevel } = props;
  const locale = useLocale();
  const t = (text: LocalizedText): string => pick(text, locale);
  const styles = useStyles();
  const linesHintId = useId();
  const { draft } = state;
  const latestDate = useMemo(() => addDays(today, ORDER_LIMITS.maxDaysAhead), [today]);

  const error = (path: SimpleFieldPath): string | undefined => {
    const message = errors.get(fieldId(path));
    return message === undefined ? undefined : t(message);
  };
  const edit = (path: SimpleFieldPath, change: (d: OrderDraft) => OrderDraft, touch = false): void =>
    onChange((current) => editField(current, fieldId(path), change, catalog, { touch }));
  const touch = (path: SimpleFieldPath): void => onChange((current) => touchField(current, fieldId(path)));

  /** A single-line text input bound to one field of the draft. */
  const textInput = (
    path: SimpleFieldPath,
    read: (d: OrderDraft) => string,
    write: (d: OrderDraft, value: string) => OrderDraft,
    extra: TextInputOptions = {},
  ): ReactElement => (
    <Input
      id={fieldId(path)}
      className={styles.fill}
      value={read(draft)}
      onChange={(_event, data) => edit(path, (d) => write(d, data.value))}
      onBlur={() => touch(path)}
      {...extra}
    />
  );

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    onSubmit();
  };

  const rootError = errors.get(ORDER_ROOT_ERROR_ID);
  // The unticked invitation has its own box below; it alone is no reason for the "fix the errors" summary.
  const showSummary = state.submitAttempted && [...errors.keys()].some((id) => id !== fieldId('invitationAccepted'));
  const trialChosen = state.trials.find((trial) => trial.id === draft.trialId);
  const chosenTrialOffered = trialChosen === undefined || catalog.some((item) => item.sku === trialChosen.skuPartNumber);

  return (
    <form id={ORDER_FORM_ID} noValidate className={styles.form} onSubmit={submit}>
      {showSummary && (
        <MessageBar intent="error" layout="multiline" id={ORDER_ROOT_ERROR_ID} tabIndex={-1}>
          <MessageBarBody>
            <MessageBarTitle className={styles.title}>{t(tabTexts.order.fixErrors)}</MessageBarTitle>
            {rootError !== undefined && t(rootError)}
          </MessageBarBody>
        </MessageBar>
      )}

      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>{t(tabTexts.order.invitationAndDomain)}</legend>
        {/* Not ticked yet is a step to take, not a mistake: the how-to below replaces the error message. */}
        <FormField
          id={fieldId('invitationAccepted')}
          label={t(orderFormTexts.invitationAccepted)}
          hint={invitationEvidenceHint(draft.invitationAccepted, relationshipLevel, t)}
        >
          <Checkbox
            id={fieldId('invitationAccepted')}
            checked={draft.invitationAccepted}
            // The field's label already carries the "required" mark; the answer's label needs none.
            required={false}
            aria-required
            label={t(orderFormTexts.invitationAcceptedYes)}
            onChange={(_event, data) => edit('invitationAccepted', (d) => ({ ...d, invitationAccepted: data.checked === true }), true)}
          />
        </FormField>
        {!draft.invitationAccepted && (
          <MessageBar intent="info" layout="multiline" id={INVITATION_NOT_YET_ID} tabIndex={-1}>
            <MessageBarBody>
              <MessageBarTitle className={styles.title}>{t(tabTexts.order.invitationNotYetTitle)}</MessageBarTitle>
              {t(tabTexts.order.invitationNotYet)}
              <div className={styles.invitationButton}>
                <ExternalLinkButton url={invitationUrl} host={host}>
                  {t(orderFormTexts.openInvitation)}
                </ExternalLinkButton>
              </div>
            </MessageBarBody>
          </MessageBar>
        )}
        <FormField
          id={fieldId('technicalDomain')}
          className={styles.medium}
          label={t(orderFormTexts.technicalDomain)}
          hint={t(state.prefilled && draft.technicalDomain !== '' ? tabTexts.order.fromStep3 : orderFormTexts.technicalDomainHint)}
          error={error('technicalDomain')}
        >
          {textInput('technicalDomain', (d) => d.technicalDomain, (d, v) => ({ ...d, technicalDomain: v }), {
            maxLength: ORDER_LIMITS.textLength,
            autoComplete: 'off',
          })}
        </FormField>
      </fieldset>

      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>{t(orderFormTexts.subscriptionsSection)}</legend>
        <FormField id={fieldId('subscriptionKind')} label={t(orderFormTexts.subscriptionKind)} error={error('subscriptionKind')}>
          <RadioGroup
            id={fieldId('subscriptionKind')}
            value={draft.subscriptionKind}
            onChange={(_event, data) =>
              edit('subscriptionKind', (d) => ({ ...d, subscriptionKind: data.value === 'trialConversion' ? 'trialConversion' : 'new' }), true)
            }
          >
            <Radio value="new" label={t(subscriptionKindLabels.new)} />
            <Radio value="trialConversion" label={t(subscriptionKindLabels.trialConversion)} />
          </RadioGroup>
        </FormField>

        {draft.subscriptionKind === 'trialConversion' && state.trials.length > 0 && (
          <FormField
            id="order-trial"
            label={t(tabTexts.order.whichTrial)}
            hint={chosenTrialOffered ? undefined : t(tabTexts.order.trialNotOffered)}
          >
            <RadioGroup
              id="order-trial"
              value={draft.trialId}
              onChange={(_event, data) => {
                const trial = state.trials.find((candidate) => candidate.id === data.value);
                if (trial) onChange((current) => editField(current, 'order-trial', (d) => chooseTrial(d, trial, catalog), catalog));
              }}
            >
              {state.trials.map((trial) => {
                const name = catalog.find((item) => item.sku === trial.skuPartNumber)?.displayName ?? trial.skuPartNumber;
                const until = trial.nextLifecycleDateTime === null ? null : formatDate(trial.nextLifecycleDateTime, locale);
                return <Radio key={trial.id} value={trial.id} label={t(tabTexts.order.trialOption(name, licenseCount(trial.totalLicenses), until))} />;
              })}
            </RadioGroup>
          </FormField>
        )}
        {draft.subscriptionKind === 'trialConversion' && state.trials.length === 0 && subscriptionsKnown && (
          <Text className={styles.hint}>{t(tabTexts.order.noTrialsFound)}</Text>
        )}

        <Text id={linesHintId} className={styles.hint}>
          {t(tabTexts.order.linesHint)}
        </Text>
        <OrderLinesField
          catalog={catalog}
          draft={draft}
          errors={errors}
          hintId={linesHintId}
          onSelect={(sku, selected) =>
            onChange((current) => editField(current, 'order-lines', (d) => selectSku(d, sku, selected), catalog, { touch: true }))
          }
          onQuantity={(sku, value) =>
            onChange((current) =>
              editField(current, quantityFieldId(sku), (d) => ({ ...d, quantities: { ...d.quantities, [sku]: value } }), catalog),
            )
          }
          onQuantityBlur={(sku) => onChange((current) => touchField(current, quantityFieldId(sku)))}
        />
        <FormField
          id={fieldId('activationDate')}
          className={styles.narrow}
          label={t(orderFormTexts.activationDate)}
          hint={t(tabTexts.order.dateHint)}
          error={error('activationDate')}
        >
          {locale === 'ru'
            ? textInput('activationDate', (d) => typedDateFromDraft(d.activationDate), (d, v) => ({ ...d, activationDate: draftDateFromTyped(v) }), {
                inputMode: 'numeric',
                placeholder: 'дд.мм.гггг',
                autoComplete: 'off',
                maxLength: 10,
              })
            : textInput('activationDate', (d) => d.activationDate, (d, v) => ({ ...d, activationDate: v }), {
                type: 'date',
                min: today,
                max: latestDate,
              })}
        </FormField>
      </fieldset>

      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>{t(orderFormTexts.organizationSection)}</legend>
        <div className={styles.grid}>
          <FormField id={fieldId('organization.name')} className={styles.wide} label={t(orderFormTexts.organizationName)} error={error('organization.name')}>
            {textInput('organization.name', (d) => d.organization.name, (d, v) => ({ ...d, organization: { ...d.organization, name: v } }), {
              maxLength: ORDER_LIMITS.organizationNameLength,
              autoComplete: 'organization',
            })}
          </FormField>
          <FormField
            id={fieldId('organization.inn')}
            className={styles.wide}
            label={t(orderFormTexts.inn)}
            hint={t(tabTexts.order.innHint)}
            error={error('organization.inn')}
          >
            {textInput('organization.inn', (d) => d.organization.inn, (d, v) => ({ ...d, organization: { ...d.organization, inn: v } }), {
              inputMode: 'numeric',
              maxLength: 12,
              autoComplete: 'off',
            })}
          </FormField>
          <FormField id={fieldId('organization.address.postalCode')} label={t(orderFormTexts.postalCode)} error={error('organization.address.postalCode')}>
            {textInput(
              'organization.address.postalCode',
              (d) => d.organization.address.postalCode,
              (d, v) => ({ ...d, organization: { ...d.organization, address: { ...d.organization.address, postalCode: v } } }),
              { inputMode: 'numeric', maxLength: 6, autoComplete: 'postal-code' },
            )}
          </FormField>
          <FormField id={fieldId('organization.address.city')} label={t(orderFormTexts.city)} error={error('organization.address.city')}>
            {textInput(
              'organization.address.city',
              (d) => d.organization.address.city,
              (d, v) => ({ ...d, organization: { ...d.organization, address: { ...d.organization.address, city: v } } }),
              { maxLength: ORDER_LIMITS.textLength, autoComplete: 'address-level2' },
            )}
          </FormField>
          <FormField id={fieldId('organization.address.street')} className={styles.wide} label={t(orderFormTexts.street)} error={error('organization.address.street')}>
            {textInput(
              'organization.address.street',
              (d) => d.organization.address.street,
              (d, v) => ({ ...d, organization: { ...d.organization, address: { ...d.organization.address, street: v } } }),
              { maxLength: ORDER_LIMITS.textLength, autoComplete: 'street-address' },
            )}
          </FormField>
        </div>
      </fieldset>

      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>{t(orderFormTexts.contactSection)}</legend>
        <div className={styles.grid}>
          <FormField id={fieldId('contact.fullName')} className={styles.wide} label={t(orderFormTexts.fullName)} error={error('contact.fullName')}>
            {textInput('contact.fullName', (d) => d.contact.fullName, (d, v) => ({ ...d, contact: { ...d.contact, fullName: v } }), {
              maxLength: ORDER_LIMITS.textLength,
              autoComplete: 'name',
            })}
          </FormField>
          <FormField id={fieldId('contact.phone')} className={styles.wide} label={t(orderFormTexts.phone)} error={error('contact.phone')}>
            {textInput('contact.phone', (d) => d.contact.phone, (d, v) => ({ ...d, contact: { ...d.contact, phone: v } }), {
              type: 'tel',
              inputMode: 'tel',
              maxLength: ORDER_LIMITS.textLength,
              autoComplete: 'tel',
            })}
          </FormField>
          <FormField
            id={fieldId('contact.email')}
            className={styles.wide}
            label={t(orderFormTexts.email)}
            hint={t(tabTexts.order.emailHint)}
            error={error('contact.email')}
          >
            {textInput('contact.email', (d) => d.contact.email, (d, v) => ({ ...d, contact: { ...d.contact, email: v } }), {
              type: 'email',
              inputMode: 'email',
              maxLength: ORDER_LIMITS.textLength,
              autoComplete: 'email',
            })}
          </FormField>
        </div>
      </fieldset>

      {submitFailure !== undefined && !submitting && (
        <div role="alert">
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle className={styles.title}>{t(tabTexts.order.submitFailedTitle)}</MessageBarTitle>
              {t(tabTexts.order.resendSafe)}
            </MessageBarBody>
          </MessageBar>
          <ApiFailureMessage failure={submitFailure} host={host} onRetry={onSubmit} retryLabel={tabTexts.order.resend} />
        </div>
      )}

      <div className={styles.submitRow}>
        <Button
          type="submit"
          appearance="primary"
          size="large"
          icon={submitting ? <Spinner size="tiny" /> : <SendRegular />}
          disabledFocusable={submitting}
        >
          {t(submitting ? tabTexts.order.submitting : tabTexts.order.submit)}
        </Button>
        <Text role="status" className={styles.hint}>
          {submitting ? t(tabTexts.order.submitting) : ''}
        </Text>
      </div>
    </form>
  );
}
