import type { LocalizedText } from '../../src/domain/i18n/locale.js';

/** Plain chat messages of the bot (cards carry their own texts in src/domain/cards). */
export const chatTexts = {
  somethingWentWrong: {
    ru: 'Что-то пошло не так, ваш запрос не обработан. Повторите, пожалуйста, через минуту.',
    en: 'Something went wrong and your request was not processed. Please try again in a minute.',
  },
  onlyInTeams: {
    ru: 'Это приложение работает только в Microsoft Teams.',
    en: 'This app works only in Microsoft Teams.',
  },
} as const satisfies Record<string, LocalizedText>;
