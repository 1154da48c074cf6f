import { randomUUID } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { LocalizedText, Locale } from '../../src/domain/i18n/locale.js';
import { UnauthorizedError } from '../auth/sso-token-verifier.js';
import type { SsoTokenVerifier } from '../auth/sso-token-verifier.js';
import type { TenantFactsService } from '../graph/tenant-facts-service.js';
import type { Logger } from '../logger.js';
import { ConsentRequiredError, InteractionRequiredError, TokenAcquisitionError } from '../graph/token-errors.js';
import type { ExchangeClaims, SignInOffer, TeamsActor, TokenExchangeOutcome, TokenExchangeRequest } from './chat-ports.js';
import type { TenantFactsMemory } from './tenant-facts-memory.js';

/**
 * Teams bot SSO without a Token Service connection (docs/architecture.md, 'Security model'): the
 * bot sends an OAuth card naming the app's resource; Teams answers with a
 * `signin/tokenExchange` invoke carrying the user's SSO token, which is
 * verified and exchanged on behalf of the user by the same code as the tab's
 * `GET /api/tenant`. Free of botbuilder: bot/bot-framework draws the card and
 * the invoke responses.
 */

/**
 * The Application ID URI Teams asks a token for, `api://{domain}/botid-{appId}`
 * (domain lowercase); equal to the manifest's `webApplicationInfo.resource`.
 */
export function botSsoResource(publicUrl: string, botAppId: string): string {
  return `api://${new URL(publicUrl).host.toLowerCase()}/botid-${botAppId.toLowerCase()}`;
}

export const signInTexts = {
  cardTitle: { ru: 'Вход', en: 'Sign in' },
  cardText: {
    ru: 'Войдите, чтобы бот заполнил форму заявки сведениями о вашей организации из Microsoft 365.',
    en: 'Sign in so the bot can fill in the order form with your organization’s details from Microsoft 365.',
  },
  notCompleted: {
    ru: 'Вход не завершён, поэтому сведения об организации из Microsoft 365 в форму не подставлены. Заполните форму вручную или напишите «заявка», чтобы попробовать ещё раз.',
    en: 'Sign-in did not complete, so your organization’s details from Microsoft 365 are not filled in. Fill in the form yourself, or type "order" to try again.',
  },
} as const satisfies Record<string, LocalizedText>;

/**
 * The chat's answer when the on-behalf-of exchange needs admin consent: one
 * line and the tenant's admin-consent link (markdown, which Teams renders in
 * bot messages).
 */
export function adminConsentNeededText(locale: Locale, url: string): string {
  return locale === 'ru'
    ? `Чтобы бот мог заполнить заявку сведениями из Microsoft 365, администратор вашей организации должен один раз дать согласие приложению: [дать согласие](${url}). Затем напишите «заявка».`
    : `For the bot to fill in the order from Microsoft 365, an administrator of your organization has to consent to the app once: [grant consent](${url}). Then type "order".`;
}

/** Reads a `signin/tokenExchange` value; a missing token is kept as '' so the failure echoes the id. */
export function parseTokenExchangeRequest(value: unknown): TokenExchangeRequest {
  const record = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const text = (key: string): string => (typeof record[key] === 'string' ? record[key] : '');
  return { id: text('id'), connectionName: text('connectionName'), token: text('token') };
}

export interface ChatSignInDependencies {
  /** The tab's SSO verifier: same audience, issuer and scope rules. */
  readonly verify: SsoTokenVerifier;
  /** The service behind `GET /api/tenant`; it does the on-behalf-of exchange. */
  readonly tenantFacts: TenantFactsService;
  readonly memory: TenantFactsMemory;
  /** `botSsoResource(...)`. */
  readonly resource: string;
  /** The OAuth card's sign-in button: `{PUBLIC_URL}/auth/start?mode=signIn`. */
  readonly signInLink?: string;
  /** The tenant's admin-consent link, offered when the exchange needs admin consent. */
  readonly adminConsentUrl?: (tenantId: string) => string;
  readonly logger: Pick<Logger, 'warn'>;
  readonly newExchangeId?: () => string;
  /** How many exchange ids this process remembers, so its own copies of an exchange never reach storage. */
  readonly maxExchangeIds?: number;
  /** The ids every instance has taken; without it, deduplication is per process (one instance only). */
  readonly claims?: ExchangeClaims;
}

export class ChatSignIn {
  private readonly seenExchangeIds: LRUCache<string, true>;
  private readonly newExchangeId: () => string;

  constructor(private readonly deps: ChatSignInDependencies) {
    this.seenExchangeIds = new LRUCache({ max: deps.maxExchangeIds ?? 10_000 });
    this.newExchangeId = deps.newExchangeId ?? randomUUID;
  }

  /** An OAuth card to send before the order form, unless this user's facts are already current. */
  offer(actor: TeamsActor): SignInOffer | undefined {
    if (this.deps.memory.hasCurrentFactsFor(actor.tenantId, actor.userId)) return undefined;
    return {
      exchangeId: this.newExchangeId(),
      resource: this.deps.resource,
      title: signInTexts.cardTitle[actor.locale],
      text: signInTexts.cardText[actor.locale],
      ...(this.deps.signInLink === undefined ? {} : { signInLink: this.deps.signInLink }),
    };
  }

  /** Verifies the token, reads the tenant's facts on the user's behalf and remembers them. */
  async exchange(actor: TeamsActor, request: TokenExchangeRequest): Promise<TokenExchangeOutcome> {
    if (!(await this.claim(actor.tenantId, request.id))) return { kind: 'duplicate' };
    let outcome: TokenExchangeOutcome;
    try {
      outcome = await this.signIn(actor, request.token);
    } catch (error) {
      await this.release(actor.tenantId, request.id);
      throw error;
    }
    // A failed id may come back once the user has consented: let it try again.
    if (outcome.kind === 'failed') {
      await this.release(actor.tenantId, request.id);
      this.deps.logger.warn({ tenantId: actor.tenantId, exchangeId: request.id, failureDetail: outcome.failureDetail }, 'bot sign-in (token exchange) failed');
    }
    return outcome;
  }

  /** Takes the exchange id here and, with `claims`, for every instance; false when it was taken. */
  private async claim(tenantId: string, id: string): Promise<boolean> {
    if (id === '') return true;
    if (this.seenExchangeIds.has(id)) return false;
    // Marked before the first await, so a copy arriving meanwhile is a duplicate too.
    this.seenExchangeIds.set(id, true);
    try {
      return (await this.deps.claims?.claim(tenantId, id)) ?? true;
    } catch (error) {
      this.seenExchangeIds.delete(id);
      throw error;
    }
  }

  private async release(tenantId: string, id: string): Promise<void> {
    if (id === '') return;
    this.seenExchangeIds.delete(id);
    try {
      await this.deps.claims?.release(tenantId, id);
    } catch (error) {
      // The exchange's own outcome matters more; the id then stays taken and the user signs in by the button.
      this.deps.logger.warn({ tenantId, exchangeId: id, err: error }, 'a failed token exchange could not be released');
    }
  }

  private async signIn(actor: TeamsActor, token: string): Promise<TokenExchangeOutcome> {
    if (token === '') return failed('the token exchange carried no token');
    try {
      const caller = await this.deps.verify(`Bearer ${token}`);
      // Teams gets the token for the user of the activity; anything else is not this user's sign-in.
      if (caller.tenantId.toLowerCase() !== actor.tenantId.toLowerCase()) return failed('the token is for another tenant than the chat');
      if (actor.userId !== undefined && caller.userId.toLowerCase() !== actor.userId.toLowerCase()) {
        return failed('the token is for another user than the chat');
      }
      const tenant = await this.deps.tenantFacts({
        tenantId: caller.tenantId.toLowerCase(),
        token: caller.token,
        ...(caller.roleTemplateIds === undefined ? {} : { roleTemplateIds: caller.roleTemplateIds }),
      });
      this.deps.memory.remember(tenant, caller.userId);
      return { kind: 'signedIn', tenant };
    } catch (error) {
      if (error instanceof UnauthorizedError) return failed(`the token was rejected: ${error.message}`);
      if (error instanceof ConsentRequiredError) {
        const adminConsentUrl = this.deps.adminConsentUrl?.(actor.tenantId);
        return { kind: 'failed', failureDetail: 'admin consent is required', ...(adminConsentUrl === undefined ? {} : { adminConsentUrl }) };
      }
      if (error instanceof InteractionRequiredError) return failed('the user must sign in interactively');
      if (error instanceof TokenAcquisitionError) return failed('no Microsoft Graph token could be obtained on behalf of the user');
      throw error;
    }
  }
}

function failed(failureDetail: string): TokenExchangeOutcome {
  return { kind: 'failed', failureDetail };
}

/** The chat message after a `signin/verifyState` that brought nothing usable. */
export function signInNotCompletedText(locale: Locale): string {
  return signInTexts.notCompleted[locale];
}
