/** What a typed message asks for. */
export type ChatCommand = 'order' | 'status' | 'help' | 'inbox';

const COMMAND_WORDS: Readonly<Record<ChatCommand, readonly string[]>> = {
  order: ['order', 'new order', 'заказ', 'заказать', 'заявка', 'новая заявка', 'оформить заявку'],
  status: ['status', 'orders', 'my orders', 'статус', 'заявки', 'мои заявки', 'заказы'],
  help: ['help', 'start', 'menu', '?', 'помощь', 'справка', 'меню', 'начать'],
  inbox: ['inbox', 'входящие'],
};

const WORD_TO_COMMAND = new Map<string, ChatCommand>(
  Object.entries(COMMAND_WORDS).flatMap(([command, words]) => words.map((word) => [word, command as ChatCommand])),
);

/**
 * Reads a command from what the user typed or picked from the command menu
 * (Teams sends the menu title as text, so Russian titles count too). Case,
 * a leading slash and punctuation at the end are ignored; anything else is
 * not a command. The bot's @mention is removed before (bot/bot-framework).
 */
export function parseChatCommand(text: string): ChatCommand | undefined {
  const normalized = text
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/^\s*\//, '')
    .replace(/[.!]+\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim();
  return WORD_TO_COMMAND.get(normalized);
}
