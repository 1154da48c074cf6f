import { CardFactory, TeamsActivityHandler } from 'botbuilder';
import type { TurnContext } from 'botbuilder';
import { localeFromTag } from '../../src/domain/i18n/locale.js';
import type { ChatReply, OnboardingConversation } from '../conversation/onboarding-conversation.js';

/** Translates Teams activities into the conversation's decisions and back. */
export class OnboardingBot extends TeamsActivityHandler {
  constructor(private readonly conversation: OnboardingConversation) {
    super();

    this.onMembersAdded(async (context, next) => {
      const botWasAdded = context.activity.membersAdded?.some((member) => member.id === context.activity.recipient.id);
      if (botWasAdded && context.activity.conversation.conversationType === 'personal') {
        await send(context, this.conversation.welcome(localeFromTag(context.activity.locale)));
      }
      await next();
    });

    this.onMessage(async (context, next) => {
      const text = typedText(context);
      await send(context, this.conversation.message(text, localeFromTag(context.activity.locale)));
      await next();
    });
  }
}

async function send(context: TurnContext, reply: ChatReply): Promise<void> {
  await context.sendActivity({
    type: 'message',
    ...(reply.text === undefined ? {} : { text: reply.text }),
    ...(reply.card === undefined ? {} : { attachments: [CardFactory.adaptiveCard(reply.card)] }),
  });
}

/** The typed text without the bot's @mention (channel messages start with it). */
function typedText(context: TurnContext): string {
  const withoutMentions = (context.activity.text ?? '').replace(/<at>[^<]*<\/at>/g, ' ');
  return withoutMentions.replace(/\s+/g, ' ').trim();
}
