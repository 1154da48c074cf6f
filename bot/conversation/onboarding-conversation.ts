import { randomUUID } from 'node:crypto';
import { todayInTimeZone } from '../../src/domain/calendar.js';
import type { Catalog } from '../../src/domain/catalog/catalog.js';
import { buildActionErrorCard } from '../../src/domain/cards/action-error-card.js';
import type { AdaptiveCard } from '../../src/domain/cards/adaptive-card.js';
import { CardVerb } from '../../src/domain/cards/card-actions.js';
import { formatCardClockTime } from '../../src/domain/cards/card-format.js';
import { chatErrorTexts } from '../../src/domain/cards/chat-card-texts.js';
import { buildCustomerStatusCard } from '../../src/domain/cards/customer-status-card.js';
import { acceptanceFromCardInputs, buildCustomerAgreementCard, draftFromCardInputs } from '../../src/domain/cards/customer-agreement-card.js';
import { buildHelpCard } from '../../src/domain/cards/help-card.js';
import { prefillSignatory } from '../../src/domain/customer-agreement/signatory-prefill.js';
import {
  buildOrderFormCard,
  orderFormValuesFromOrder,
  orderFromCardInputs,
  REVISES_ORDER_ID_KEY,
} from '../../src/domain/cards/order-form-card.js';
import type { OrderFormCardInput, OrderFormValues } from '../../src/domain/cards/order-form-card.js';
import { buildOrderListCard, ORDER_LIST_CARD_LIMIT } from '../../src/domain/cards/order-list-card.js';
import { buildRemindersStoppedCard } from '../../src/domain/cards/reminder-card.js';
import { buildSmallTalkCard } from '../../src/domain/cards/small-talk-card.js';
import { buildTechnicalDomainCard } from '../../src/domain/cards/technical-domain-card.js';
import type { TechnicalDomainCardInput } from '../../src/domain/cards/technical-domain-card.js';
import { buildWelcomeCard } from '../../src/domain/cards/welcome-card.js';
import { readChatRequest } from '../../src/domain/chat/chat-command.js';
import type { LocalizedText, Locale } from '../../src/domain/i18n/locale.js';
import type { StoredOrder } from '../../src/domain/order/order.js';
import { prefillFromTeamsMember } from '../../src/domain/tenant/teams-member-prefill.js';
import type { TeamsMemberProfile } from '../../src/domain/tenant/teams-member-prefill.js';
import { prefillFromTenant } from '../../src/domain/tenant/tenant-prefill.js';
import type { CustomerAgreementService } from '../customer-agreement/customer-agreement-service.js';
import type { Logger } from '../logger.js';
import type { OrderService, ResubmitResult, SubmitResult } from '../orders/order-service.js';
import { StorageUnavailableError } from '../storage/storage-errors.js';
import type {
  ChatReply,
  ChatTurn,
  CustomerCardAction,
  CustomerDirectory,
  ReminderOptOut,
  SignInOffer,
  TeamsActor,
  TokenExchangeAnswer,
  TokenExchangeRequest,
} from './chat-ports.js';
import { adminConsentNeededText, signInNotCompletedText } from './chat-sign-in.js';
import type { ChatSignIn } from './chat-sign-in.js';
import { mergeOrderFormPrefill } from './order-form-prefill.js';
import type { TenantFactsMemory } from './tenant-facts-memory.js';

export interface OnboardingConversationDependencies {
  readonly distributorName: string;
  readonly invitationUrl: string;
  /** The invitation asks for delegated admin (`INVITATION_DELEGATED_ADMIN`). */
  readonly invitationDelegatedAdmin?: boolean;
  /** `GDAP_INVITATION_LINK`: a separate approval step on the welcome card. */
  readonly gdapApprovalUrl?: string;
  readonly catalog: Catalog;
  /** The SKU a head count typed in chat is ordered for (`DEFAULT_SKU`); without it the number is not used. */
  readonly defaultSku?: string;
  readonly timeZone: string;
  readonly orders: Pick<OrderService, 'submit' | 'resubmit' | 'get' | 'list' | 'findLatest'>;
  readonly customerDirectory: CustomerDirectory;
  /** Stops the tenant's journey reminders; without it the button only answers. */
  readonly reminders?: ReminderOptOut;
  readonly logger: Pick<Logger, 'warn'>;
  /** The tenant facts last read (tab or bot sign-in); the form is prefilled from them. */
  readonly tenantFactsMemory?: Pick<TenantFactsMemory, 'recall'>;
  /** Teams bot SSO; absent in demo mode and wherever no Entra app secret is configured. */
  readonly signIn?: ChatSignIn;
  readonly clock?: () => Date;
  readonly newSubmissionId?: () => string;
  /** The MCA card and its acceptance; absent: the chat does not offer it. */
  readonly customerAgreements?: Pick<CustomerAgreementService, 'status' | 'accept'>;
}

/**
 * The customer admin's journey in their personal chat: welcome, commands,
 * the order card and its receipt. Channels and the distributor's order cards
 * are the distributor desk's (bot/bot-framework routes them there).
 * Kept free of botbuilder so the move to `@microsoft/agents-hosting` only
 * touches bot/bot-framework.
 */
export class OnboardingConversation {
  private readonly clock: () => Date;
  private readonly newSubmissionId: () => string;

  constructor(private readonly deps: OnboardingConversationDependencies) {
    this.clock = deps.clock ?? (() => new Date());
    this.newSubmissionId = deps.newSubmissionId ?? randomUUID;
  }

  /** The app was installed in a personal chat. */
  async welcome(turn: ChatTurn): Promise<ChatReply> {
    await this.remember(turn);
    const { invitationDelegatedAdmin, gdapApprovalUrl } = this.deps;
    return {
      card: buildWelcomeCard({
        locale: turn.actor.locale,
        ...this.links(),
        ...(invitationDelegatedAdmin === undefined ? {} : { invitationDelegatedAdmin }),
        ...(gdapApprovalUrl === undefined ? {} : { gdapApprovalUrl }),
      }),
    };
  }

  /** Text typed in the admin's personal chat, read with the word table (src/domain/chat). */
  async personalMessage(turn: ChatTurn, text: string): Promise<ChatReply> {
    await this.remember(turn);
    const { locale, tenantId } = turn.actor;
    const request = readChatRequest(text);
    try {
      switch (request.command) {
        case 'order': {
          // The form goes out anyway, so the admin is never blocked by a sign-in.
          const signIn = this.signInOffer(turn.actor);
          const card = await this.newOrderForm(turn, request.quantity);
          return { card, ...(signIn === undefined ? {} : { signIn }) };
        }
        case 'status':
          return { card: await this.orderList(tenantId, locale) };
        case 'invitation':
          // The welcome card is the invitation: its button and the steps to accept it.
          return { card: buildWelcomeCard({ locale, ...this.links() }) };
        case 'domain':
          return { card: buildTechnicalDomainCard({ locale, ...(await this.technicalDomain(turn)) }) };
        case 'agreement':
          return { card: await this.customerAgreementCard(turn, false) };
        case 'greeting':
        case 'thanks':
          return { card: buildSmallTalkCard({ locale, kind: request.command, invitationUrl: this.deps.invitationUrl }) };
        default:
          return { card: this.helpCard(locale) };
      }
    } catch (error) {
      return { card: this.failureCard(error, locale) };
    }
  }

  /**
   * A button on one of the customer's cards. Returns the card that should
   * replace the one pressed: the invoke response for `Action.Execute`, or the
   * updated message for `Action.Submit`.
   */
  async cardAction(turn: CustomerCardAction): Promise<AdaptiveCard> {
    const { verb, actor } = turn;
    await this.remember(turn);
    try {
      switch (verb) {
        case CardVerb.startOrder:
          return await this.newOrderForm(turn);
        case CardVerb.showHelp:
          return this.helpCard(actor.locale);
        case CardVerb.showStatus:
          return await this.orderList(actor.tenantId, actor.locale);
        case CardVerb.submitOrder:
          return await this.submit(turn);
        case CardVerb.reviseOrder:
          return await this.revisionForm(actor, stringField(turn.data, REVISES_ORDER_ID_KEY));
        case CardVerb.stopReminders:
          await this.deps.reminders?.stopReminders(actor.tenantId, actor.name);
          return buildRemindersStoppedCard(actor.locale);
        case CardVerb.showCustomerAgreement:
          return await this.customerAgreementCard(turn, turn.data['form'] === true);
        case CardVerb.acceptCustomerAgreement:
          return await this.acceptCustomerAgreement(turn);
      }
    } catch (error) {
      return this.failureCard(error, actor.locale);
    }
  }

  /** The OAuth card to send before an order form, when bot SSO is configured and would add something. */
  signInOffer(actor: TeamsActor): SignInOffer | undefined {
    return this.deps.signIn?.offer(actor);
  }

  /** Teams exchanged the user's SSO token (`signin/tokenExchange`): read the tenant's facts and send a prefilled form. */
  async tokenExchange(turn: ChatTurn, request: TokenExchangeRequest): Promise<TokenExchangeAnswer> {
    if (this.deps.signIn === undefined) return { kind: 'failed', failureDetail: 'bot sign-in is not configured on this server' };
    await this.remember(turn);
    const outcome = await this.deps.signIn.exchange(turn.actor, request);
    if (outcome.kind === 'failed' && outcome.adminConsentUrl !== undefined) {
      return { kind: 'failed', failureDetail: outcome.failureDetail, reply: { text: adminConsentNeededText(turn.actor.locale, outcome.adminConsentUrl) } };
    }
    if (outcome.kind !== 'signedIn') return outcome;
    try {
      return { kind: 'signedIn', reply: { card: await this.newOrderForm(turn) } };
    } catch (error) {
      return { kind: 'signedIn', reply: { card: this.failureCard(error, turn.actor.locale) } };
    }
  }

  /**
   * The sign-in popup came back (`signin/verifyState`). Without a Token
   * Service there is no code to redeem: a state means the user went through
   * the popup (e.g. consented), so the silent exchange is offered again;
   * no state means sign-in did not complete.
   */
  async signInStateVerified(turn: ChatTurn, state: unknown): Promise<ChatReply> {
    await this.remember(turn);
    const usable = typeof state === 'string' && state.trim() !== '';
    const signIn = usable ? this.deps.signIn?.offer(turn.actor) : undefined;
    return signIn === undefined ? { text: signInNotCompletedText(turn.actor.locale) } : { signIn };
  }

  private async submit(turn: CustomerCardAction): Promise<AdaptiveCard> {
    const { actor } = turn;
    const values = orderFromCardInputs(turn.data);
    // A card without its key (should not happen) still gets one, kept if the form comes back.
    const submissionId = values.submissionId ?? this.newSubmissionId();
    const input: OrderFormValues = { ...values, submissionId };
    const revisesOrderId = stringField(turn.data, REVISES_ORDER_ID_KEY);
    const context = {
      now: this.clock(),
      ...(actor.name === undefined ? {} : { actor: actor.name }),
      // Status notices go to the submitter's chat first.
      submitter: { teamsUserId: actor.teamsUserId, ...(actor.userId === undefined ? {} : { userId: actor.userId }) },
    };

    const formAgain = (extra: Pick<OrderFormCardInput, 'errors' | 'notice'>): AdaptiveCard =>
      buildOrderFormCard({
        ...this.formBasics(actor),
        values: input,
        ...extra,
        submissionId,
        ...(revisesOrderId === undefined ? {} : { revisesOrderId }),
      });
    let result: SubmitResult | ResubmitResult;
    try {
      result =
        revisesOrderId === undefined
          ? await this.deps.orders.submit(actor.tenantId, input, context)
          : await this.deps.orders.resubmit(actor.tenantId, revisesOrderId, input, context);
    } catch (error) {
      if (!(error instanceof StorageUnavailableError)) throw error;
      // The form stays, every value and the submission id kept: sending it again later never makes a second order.
      return formAgain({ notice: chatErrorTexts.storageUnavailable });
    }
    switch (result.kind) {
      case 'invalid':
        return formAgain({ errors: result.errors });
      case 'created':
      case 'existing':
      case 'resubmitted':
        return this.receipt(result.order, actor.locale);
      // Nothing was stored: the same form comes back in place, every value kept, saying when to send it.
      case 'rateLimited':
        return formAgain({ notice: chatErrorTexts.rateLimited(formatCardClockTime(result.retryAt)) });
      case 'tooManyOpenOrders':
        return formAgain({ notice: chatErrorTexts.tooManyOpenOrders(result.limit) });
      case 'busy':
        return formAgain({ notice: chatErrorTexts.busy });
      case 'notFound':
        return this.errorCard(chatErrorTexts.orderNotFound, actor.locale);
      case 'invalidTransition':
        return this.errorCard(chatErrorTexts.notRevisable, actor.locale);
      case 'conflict': {
        const current = revisesOrderId === undefined ? undefined : await this.deps.orders.get(actor.tenantId, revisesOrderId);
        return current ? this.receipt(current, actor.locale) : this.errorCard(chatErrorTexts.orderNotFound, actor.locale);
      }
    }
  }

  /**
   * Prefilled from the facts remembered for this user of the tenant, the latest order and what
   * Teams says about the user (see `mergeOrderFormPrefill`); a head count
   * typed in the request becomes the quantity of `DEFAULT_SKU`.
   */
  /**
   * The MCA card: the acceptance in force, or the form prefilled from the
   * signed-in user's directory entry (first and last name as kept there),
   * Teams' profile and the latest order's e-mail and phone.
   */
  private async customerAgreementCard(turn: ChatTurn, form: boolean): Promise<AdaptiveCard> {
    const { actor } = turn;
    const agreements = this.deps.customerAgreements;
    if (agreements === undefined) return this.helpCard(actor.locale);
    const [status, latest, member] = await Promise.all([agreements.status(actor.tenantId), this.deps.orders.findLatest(actor.tenantId), this.member(turn)]);
    const remembered = this.deps.tenantFactsMemory?.recall(actor.tenantId, actor.userId)?.tenant.user;
    const draft = prefillSignatory({
      current: status.status === 'accepted' ? status.signatory : undefined,
      user: remembered?.status === 'ok' ? remembered.value : undefined,
      teamsMember: member,
      lastOrderContact: latest?.contact,
    });
    return buildCustomerAgreementCard({ locale: actor.locale, status, draft, form });
  }

  /** The card's answer: the same card with the errors under their inputs, or the acceptance stored for the activity's tenant. */
  private async acceptCustomerAgreement(turn: CustomerCardAction): Promise<AdaptiveCard> {
    const { actor } = turn;
    const agreements = this.deps.customerAgreements;
    if (agreements === undefined) return this.helpCard(actor.locale);
    // Evidence from the verified activity only: the card's data names no tenant or user.
    const evidence = {
      channel: 'chat',
      tenantId: actor.tenantId,
      userId: actor.userId ?? actor.teamsUserId,
      teamsUserId: actor.teamsUserId,
      ...(actor.name === undefined ? {} : { userName: actor.name }),
    } as const;
    const result = await agreements.accept(evidence, acceptanceFromCardInputs(turn.data), this.clock());
    if (result.kind === 'accepted') return buildCustomerAgreementCard({ locale: actor.locale, status: result.status, draft: draftFromCardInputs(turn.data) });
    const status = await agreements.status(actor.tenantId);
    return buildCustomerAgreementCard({ locale: actor.locale, status, draft: draftFromCardInputs(turn.data), errors: result.errors, form: true });
  }

  private async newOrderForm(turn: ChatTurn, quantity?: number): Promise<AdaptiveCard> {
    const { actor } = turn;
    const [latest, member] = await Promise.all([this.deps.orders.findLatest(actor.tenantId), this.member(turn)]);
    const basics = this.formBasics(actor);
    // Remembered per tenant and user: a colleague's sign-in never fills in this form.
    const remembered = this.deps.tenantFactsMemory?.recall(actor.tenantId, actor.userId);
    const fromTenant =
      remembered === undefined ? undefined : prefillFromTenant(remembered.tenant, { offeredSkus: this.deps.catalog.map((item) => item.sku) }).values;
    const fromTeams = member === undefined ? undefined : prefillFromTeamsMember(member);
    const merged = mergeOrderFormPrefill(fromTenant, latest ? this.prefillFrom(latest, basics.today) : undefined, fromTeams);
    const values = this.withHeadCount(merged, quantity);
    return buildOrderFormCard({
      ...basics,
      submissionId: this.newSubmissionId(),
      ...(values === undefined ? {} : { values }),
    });
  }

  /**
   * «Нужны лицензии на 20 человек»: that many licenses of the default SKU. The
   * count answers the request as typed, so the last order's lines are not
   * added to it.
   */
  private withHeadCount(values: OrderFormValues | undefined, quantity: number | undefined): OrderFormValues | undefined {
    const sku = this.deps.defaultSku;
    if (quantity === undefined || sku === undefined) return values;
    return { ...values, lines: [{ sku, quantity }] };
  }

  /** The technical domain and how it was found: Microsoft 365 first, then the Teams account, then the latest order. */
  private async technicalDomain(turn: ChatTurn): Promise<Pick<TechnicalDomainCardInput, 'found'>> {
    const { tenantId, userId } = turn.actor;
    const remembered = this.deps.tenantFactsMemory?.recall(tenantId, userId)?.tenant.domains;
    if (remembered?.status === 'ok' && remembered.value.technicalDomain !== null) {
      return { found: { domain: remembered.value.technicalDomain, source: { kind: 'microsoft365' } } };
    }
    const member = await this.member(turn);
    const fromTeams = member === undefined ? undefined : prefillFromTeamsMember(member).technicalDomain;
    if (fromTeams !== undefined) return { found: { domain: fromTeams, source: { kind: 'teamsAccount' } } };
    const latest = await this.deps.orders.findLatest(tenantId);
    if (latest !== undefined && latest.technicalDomain.trim() !== '') {
      return { found: { domain: latest.technicalDomain, source: { kind: 'order', orderId: latest.id } } };
    }
    return {};
  }

  /** Teams' profile of the actor; a failure only means less prefill. */
  private async member(turn: ChatTurn): Promise<TeamsMemberProfile | undefined> {
    if (turn.member === undefined) return undefined;
    try {
      return await turn.member();
    } catch (error) {
      this.deps.logger.warn({ err: error, tenantId: turn.actor.tenantId }, 'could not read the Teams member profile');
      return undefined;
    }
  }

  private async revisionForm(actor: TeamsActor, orderId: string | undefined): Promise<AdaptiveCard> {
    const order = orderId === undefined ? undefined : await this.deps.orders.get(actor.tenantId, orderId);
    if (!order) return this.errorCard(chatErrorTexts.orderNotFound, actor.locale);
    if (order.status !== 'changesRequested') return this.receipt(order, actor.locale);
    const basics = this.formBasics(actor);
    return buildOrderFormCard({
      ...basics,
      values: this.prefillFrom(order, basics.today),
      // A revision is a new submission of the same order: it needs its own idempotency key.
      submissionId: this.newSubmissionId(),
      revisesOrderId: order.id,
    });
  }

  private async orderList(tenantId: string, locale: Locale): Promise<AdaptiveCard> {
    // One more than the card shows, so it can say there are more without reading them all.
    return buildOrderListCard({ locale, orders: await this.deps.orders.list(tenantId, ORDER_LIST_CARD_LIMIT + 1) });
  }

  /** The earlier answers, with a fresh key and without an activation date that has passed. */
  private prefillFrom(order: StoredOrder, today: string): OrderFormValues {
    const { submissionId: _previousKey, activationDate, ...rest } = orderFormValuesFromOrder(order);
    return activationDate !== undefined && activationDate >= today ? { ...rest, activationDate } : rest;
  }

  private receipt(order: StoredOrder, locale: Locale): AdaptiveCard {
    return buildCustomerStatusCard({ locale, order, catalog: this.deps.catalog, distributorName: this.deps.distributorName });
  }

  private helpCard(locale: Locale): AdaptiveCard {
    return buildHelpCard({ locale, ...this.links() });
  }

  private errorCard(message: LocalizedText, locale: Locale): AdaptiveCard {
    return buildActionErrorCard({ locale, message });
  }

  private failureCard(error: unknown, locale: Locale): AdaptiveCard {
    if (error instanceof StorageUnavailableError) return this.errorCard(chatErrorTexts.storageUnavailable, locale);
    throw error;
  }

  /** What every order form card needs: the catalog, today, the invitation and how strongly it is already evidenced. */
  private formBasics(actor: TeamsActor) {
    const relationshipLevel = this.deps.tenantFactsMemory?.recall(actor.tenantId, actor.userId)?.tenant.relationship.level;
    return {
      locale: actor.locale,
      catalog: this.deps.catalog,
      today: todayInTimeZone(this.clock(), this.deps.timeZone),
      invitationUrl: this.deps.invitationUrl,
      ...(relationshipLevel === undefined ? {} : { relationshipLevel }),
    };
  }

  private links() {
    return { distributorName: this.deps.distributorName, invitationUrl: this.deps.invitationUrl };
  }

  /** Keeps the admin reachable for status updates; never in the way of the reply. */
  private async remember(turn: ChatTurn): Promise<void> {
    try {
      await this.deps.customerDirectory.remember({ actor: turn.actor, conversation: turn.conversation });
    } catch (error) {
      this.deps.logger.warn({ err: error, tenantId: turn.actor.tenantId }, 'could not store the personal conversation');
    }
  }
}

function stringField(data: Readonly<Record<string, unknown>>, key: string): string | undefined {
  const value = data[key];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}
