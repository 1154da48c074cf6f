import type { LocalizedText } from '../../src/domain/i18n/locale.js';

/**
 * What the bot says in a team channel about receiving orders. Arguments are
 * already escaped with `escapeCardText` (Teams renders messages as markdown).
 */
export const inboxTexts = {
  claimed: (channelName: string | undefined): LocalizedText =>
    channelName === undefined
      ? {
          ru: 'Готово: заявки клиентов теперь приходят в этот канал.',
          en: 'Done: customer orders now arrive in this channel.',
        }
      : {
          ru: `Готово: заявки клиентов теперь приходят в канал «${channelName}».`,
          en: `Done: customer orders now arrive in the "${channelName}" channel.`,
        },
  alreadyClaimed: {
    ru: 'Этот канал уже получает заявки клиентов.',
    en: 'This channel already receives customer orders.',
  },
  moved: (previousChannelName: string | undefined): LocalizedText =>
    previousChannelName === undefined
      ? {
          ru: 'В канал, который получал их раньше, заявки больше не приходят.',
          en: 'The channel that received them before no longer gets new orders.',
        }
      : {
          ru: `В канал «${previousChannelName}» новые заявки больше не приходят.`,
          en: `The "${previousChannelName}" channel no longer gets new orders.`,
        },
  elsewhere: (channelName: string | undefined): LocalizedText =>
    channelName === undefined
      ? {
          ru: 'Заявки клиентов приходят в другой канал. Чтобы получать их здесь, напишите боту в этом канале команду «входящие».',
          en: 'Customer orders arrive in another channel. To receive them here, send the bot the command inbox in this channel.',
        }
      : {
          ru: `Заявки клиентов приходят в канал «${channelName}». Чтобы получать их здесь, напишите боту в этом канале команду «входящие».`,
          en: `Customer orders arrive in the "${channelName}" channel. To receive them here, send the bot the command inbox in this channel.`,
        },
  howToMove: {
    ru: 'Чтобы получать заявки в другом канале, напишите там боту команду «входящие».',
    en: 'To receive orders in another channel, send the bot the command inbox there.',
  },
  onlyAdmins: {
    ru: 'Назначать канал для приёма заявок могут только администраторы дистрибьютора, перечисленные в настройке DISTRIBUTOR_ADMINS. Канал не изменён: попросите одного из них упомянуть бота в этом канале и написать «входящие».',
    en: "Only the distributor's administrators listed in the DISTRIBUTOR_ADMINS setting can choose the channel that receives orders. The channel was not changed: ask one of them to mention the bot in this channel and type inbox.",
  },
  notDistributorTeam: (distributorName: string): LocalizedText => ({
    ru: `Эта команда не относится к организации дистрибьютора ${distributorName}, поэтому заявки сюда не приходят. Чтобы оформить заявку, напишите боту в личном чате.`,
    en: `This team does not belong to ${distributorName}, so orders are not delivered here. To place an order, chat with the bot directly.`,
  }),
} as const;
