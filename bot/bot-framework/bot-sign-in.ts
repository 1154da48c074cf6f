import { CardFactory, InvokeException, StatusCodes } from 'botbuilder';
import type { Attachment, TokenExchangeInvokeResponse } from 'botbuilder';
import type { SignInOffer, TokenExchangeRequest } from '../conversation/chat-ports.js';

/**
 * The Bot Framework shapes of Teams bot SSO without a Token Service
 * connection (docs/architecture.md, 'Security model'). The connection name stays empty: Teams
 * only needs the resource to get the user's token silently.
 */

/**
 * An OAuth card whose `tokenExchangeResource` makes Teams exchange the token
 * silently; when that fails, its `signin` button opens `signInLink` (the app's
 * `/auth/start`) in Teams' authentication window.
 */
export function signInCardAttachment(offer: SignInOffer): Attachment {
  return CardFactory.oauthCard('', offer.title, offer.text, offer.signInLink, { id: offer.exchangeId, uri: offer.resource });
}

/**
 * Thrown from `handleTeamsSigninTokenExchange`: botbuilder turns it into the
 * invoke response `{status: 412, body: {id, connectionName, failureDetail}}`,
 * on which Teams falls back to showing the sign-in button.
 */
export function tokenExchangeFailure(request: TokenExchangeRequest, failureDetail: string): InvokeException<TokenExchangeInvokeResponse> {
  return new InvokeException<TokenExchangeInvokeResponse>(StatusCodes.PRECONDITION_FAILED, {
    id: request.id,
    connectionName: request.connectionName,
    failureDetail,
  });
}
