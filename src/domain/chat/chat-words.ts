/** What a typed message asks for. */
export type ChatCommand = 'order' | 'status' | 'invitation' | 'domain' | 'agreement' | 'help' | 'inbox' | 'thanks' | 'greeting';

/**
 * One way of asking: every term must occur in the message, in any order. A
 * term ending in `*` is a stem (`заявк*` matches заявка, заявку, заявкой);
 * any other term is a whole word, with one typo forgiven in words of 5+
 * letters; `word!` is that word exactly (plurals one letter away from
 * another intent's word: заявки/заявка). Terms are lower case, with е for ё.
 */
export type ChatCue = readonly string[];

/**
 * The word table. Within an intent the cue with the most terms that matches
 * counts; across intents the larger count wins, then the earlier intent in
 * this table («статус заявки» is status, not order). Thanks and greetings
 * count only when nothing else matched («привет, нужна заявка» is an order).
 */
export const CHAT_WORDS: ReadonlyArray<readonly [ChatCommand, readonly ChatCue[]]> = [
  ['inbox', [['inbox'], ['входящ*']]],
  ['agreement', [['соглашени*'], ['mca'], ['agreement']]],
  [
    'domain',
    [
      ['домен*'],
      ['onmicrosoft*'],
      ['технич*', 'имя*'],
      ['domain*'],
      ['tenant', 'name'],
    ],
  ],
  [
    'invitation',
    [
      ['приглаш*'],
      ['ссылк*'],
      ['приня*', 'приглаш*'],
      ['делегир*'],
      ['посредник*'],
      ['партнер*', 'подключ*'],
      ['стать', 'клиент*'],
      ['invit*'],
      ['link'],
      ['accept*', 'invit*'],
      ['reseller*'],
      ['delegat*'],
      ['partner', 'relationship*'],
    ],
  ],
  [
    'status',
    [
      ['статус*'],
      ['состоян*'],
      ['что', 'заявк*'],
      ['что', 'заказ*'],
      ['где', 'заявк*'],
      ['где', 'заказ*'],
      ['как', 'там', 'заявк*'],
      ['мои', 'заявк*'],
      ['наши', 'заявк*'],
      ['мои', 'заказ*'],
      ['наши', 'заказ*'],
      ['заявки!'],
      ['заказы!'],
      ['заявк*', 'приня*'],
      ['заявк*', 'обработ*'],
      ['заказ*', 'обработ*'],
      ['когда', 'лиценз*'],
      ['когда', 'подписк*'],
      ['когда', 'заявк*'],
      ['новости', 'заявк*'],
      ['покаж*', 'заявк*'],
      ['покаж*', 'заказ*'],
      ['status*'],
      ['orders!'],
      ['my', 'order*'],
      ['our', 'order*'],
      ['where', 'order*'],
      ['order*', 'accepted'],
      ['news', 'order*'],
      ['track*', 'order*'],
      ['check', 'order*'],
    ],
  ],
  [
    'order',
    [
      ['заявк*'],
      ['заказ*'],
      ['лиценз*'],
      ['подписк*'],
      ['оформ*'],
      ['куп*'],
      ['приобре*'],
      ['нов*', 'заявк*'],
      ['оформ*', 'заявк*'],
      ['отправ*', 'заявк*'],
      ['пода*', 'заявк*'],
      ['сдела*', 'заявк*'],
      ['сдела*', 'заказ*'],
      ['оформ*', 'подписк*'],
      ['нужн*', 'лиценз*'],
      ['нужн*', 'подписк*'],
      ['order*'],
      ['licen*'],
      ['subscri*'],
      ['buy*'],
      ['purchas*'],
      ['seats'],
      ['new', 'order*'],
      ['place', 'order*'],
      ['need', 'licen*'],
    ],
  ],
  [
    'help',
    [
      ['помощ*'],
      ['помоги*'],
      ['помогит*'],
      ['справк*'],
      ['меню'],
      ['начать'],
      ['команд*'],
      ['умеешь'],
      ['умеете'],
      ['help*'],
      ['start'],
      ['menu'],
      ['commands'],
      ['what', 'can', 'you', 'do'],
    ],
  ],
  [
    'thanks',
    [['спасиб*'], ['благодар*'], ['спс'], ['thanks'], ['thank*', 'you'], ['thx'], ['ty'], ['cheers']],
  ],
  [
    'greeting',
    [
      ['привет*'],
      ['здравств*'],
      ['здрасьте'],
      ['добрый', 'день'],
      ['добрый', 'вечер'],
      ['доброе', 'утро'],
      ['доброго', 'дня'],
      ['салют'],
      ['hi'],
      ['hello'],
      ['hey'],
      ['good', 'morning'],
      ['good', 'afternoon'],
      ['good', 'evening'],
    ],
  ],
];

/** Intents that only count when no task matched. */
export const SOCIAL_COMMANDS: ReadonlySet<ChatCommand> = new Set(['thanks', 'greeting']);

/** Words after or before a number that make it a head count («на 20 человек», «25 licenses»). */
export const COUNT_WORDS: readonly string[] = [
  'лиценз*',
  'человек*',
  'пользовател*',
  'сотрудник*',
  'мест*',
  'учетн*',
  'шт',
  'штук*',
  'licen*',
  'users',
  'people',
  'seats',
  'employees',
  'staff',
];

/** Words before a number that make it a head count («на 20», «for 20»). */
export const COUNT_PREPOSITIONS: readonly string[] = ['на', 'for', 'x'];

/** Words before a number that make it part of a product name (Microsoft 365, Office 365). */
export const PRODUCT_WORDS: readonly string[] = ['microsoft', 'майкрософт', 'office', 'офис', 'm', 'o'];
