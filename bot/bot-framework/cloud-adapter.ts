import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import type { BotIdentity } from '../config.js';
import type { Logger } from '../logger.js';
import { localeFromTag } from '../../src/domain/i18n/locale.js';
import { chatTexts } from '../conversation/chat-texts.js';

/**
 * The Bot Framework adapter. With an app id, every request to
 * `/api/messages` must carry a valid Bot Framework JWT; without one (demo
 * mode, loopback only) requests are anonymous.
 */
export function createCloudAdapter(identity: BotIdentity, logger: Logger): CloudAdapter {
  const authentication = new ConfigurationBotFrameworkAuthentication(
    identity.kind === 'anonymous'
      ? {}
      : {
          MicrosoftAppId: identity.appId,
          MicrosoftAppType: identity.kind,
          MicrosoftAppTenantId: identity.tenantId,
          ...(identity.kind === 'SingleTenant' ? { MicrosoftAppPassword: identity.password } : {}),
        },
  );
  const adapter = new CloudAdapter(authentication);

  adapter.onTurnError = async (context, error) => {
    logger.error({ err: error, activityType: context.activity.type, conversationId: context.activity.conversation?.id }, 'bot turn failed');
    // An invoke expects an invoke response, not a message; Teams shows its own error there.
    if (context.activity.type === 'invoke') return;
    try {
      await context.sendActivity(chatTexts.somethingWentWrong[localeFromTag(context.activity.locale)]);
    } catch (sendError) {
      logger.error({ err: sendError }, 'could not tell the user about the failure');
    }
  };
  return adapter;
}
