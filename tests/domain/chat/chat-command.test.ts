import { describe, expect, it } from 'vitest';
import { parseChatCommand, readChatRequest } from '../../../src/domain/chat/chat-command.js';
import type { ChatCommand } from '../../../src/domain/chat/chat-command.js';

/** What real admins type, in both languages; `undefined` means "answer with help". */
const PHRASINGS: ReadonlyArray<readonly [string, ChatCommand | undefined]> = [
  // Russian: the order form
  ['Хочу оформить заявку', 'order'],
  ['нужны лицензии на 20 человек', 'order'],
  ['оформить подписку', 'order'],
  ['Заказ', 'order'],
  ['заявка', 'order'],
  ['/заявка', 'order'],
  ['  Новая   заявка! ', 'order'],
  ['хотим купить Microsoft 365 Business Standard', 'order'],
  ['Нужно 10 лицензий E3', 'order'],
  ['как отправить заявку?', 'order'],
  ['сделать заказ', 'order'],
  ['Привет! Нужна подписка на 5 пользователей', 'order'],
  ['заказать лиценции', 'order'],
  // Russian: status
  ['что с моей заявкой?', 'status'],
  ['статус', 'status'],
  ['Статус', 'status'],
  ['где мой заказ', 'status'],
  ['мои заявки', 'status'],
  ['статус заявки CSP-1', 'status'],
  ['заявку уже приняли?', 'status'],
  ['когда будут лицензии?', 'status'],
  ['покажи наши заказы', 'status'],
  ['стaтус', 'status'],
  ['статсу', 'status'],
  // Russian: the invitation
  ['как принять приглашение', 'invitation'],
  ['где ссылка', 'invitation'],
  ['Пришлите ссылку на приглашение, пожалуйста', 'invitation'],
  ['не могу принять приглошение', 'invitation'],
  ['что такое делегированное администрирование?', 'invitation'],
  // Russian: the technical domain
  ['какой у нас технический домен', 'domain'],
  ['Технический домен?', 'domain'],
  ['какой домен указать в заявке', 'domain'],
  ['где найти onmicrosoft', 'domain'],
  // Russian: thanks, greetings, help, channels
  ['Спасибо!', 'thanks'],
  ['спасибо большое', 'thanks'],
  ['Благодарю', 'thanks'],
  ['Привет', 'greeting'],
  ['Здравствуйте', 'greeting'],
  ['добрый день', 'greeting'],
  ['Помощь', 'help'],
  ['что ты умеешь?', 'help'],
  ['Входящие', 'inbox'],
  // English: the order form
  ['order', 'order'],
  ['/order', 'order'],
  ['New order', 'order'],
  ['I want to buy 25 licenses', 'order'],
  ['we need licenses for 20 people', 'order'],
  ['place an order please', 'order'],
  ['subscribe to Microsoft 365', 'order'],
  ['oredr', 'order'],
  // English: status
  ['status', 'status'],
  ['my orders', 'status'],
  ['where is my order?', 'status'],
  ["what's the status of our order", 'status'],
  ['has my order been accepted?', 'status'],
  ['any news on my order', 'status'],
  // English: invitation, domain
  ['how do I accept the invitation?', 'invitation'],
  ['where is the link', 'invitation'],
  ['send me the reseller invite', 'invitation'],
  ['what is our technical domain', 'domain'],
  ['which domain do you need', 'domain'],
  // English: thanks, greetings, help, channels
  ['thanks', 'thanks'],
  ['Thank you!', 'thanks'],
  ['hi', 'greeting'],
  ['Hello there', 'greeting'],
  ['good morning', 'greeting'],
  ['help', 'help'],
  ['?', 'help'],
  ['what can you do', 'help'],
  ['<at>CSP Onboarding</at> inbox', 'inbox'],
  ['@CSPOnboarding status', 'status'],
  // Anything else
  ['', undefined],
  ['погода в Москве', undefined],
  ['asdf', undefined],
  ['ok', undefined],
];

describe('readChatRequest', () => {
  it('has at least 60 phrasings, half of them Russian', () => {
    const russian = PHRASINGS.filter(([text]) => /[а-яё]/i.test(text));
    expect(PHRASINGS.length).toBeGreaterThanOrEqual(60);
    expect(russian.length * 2).toBeGreaterThanOrEqual(PHRASINGS.length);
  });

  it.each(PHRASINGS)('reads %j as %s', (text, command) => {
    expect(readChatRequest(text).command).toBe(command);
    expect(parseChatCommand(text)).toBe(command);
  });

  it.each<[string, number]>([
    ['нужны лицензии на 20 человек', 20],
    ['Нужно 10 лицензий E3', 10],
    ['хочу заказать Microsoft 365 на 15 сотрудников', 15],
    ['I want to buy 25 licenses', 25],
    ['order for 1 000 users', 1000],
    ['заявка на 7', 7],
  ])('reads the head count in %j', (text, quantity) => {
    expect(readChatRequest(text)).toEqual({ command: 'order', quantity });
  });

  it.each([
    'хочу купить Microsoft 365',
    'заказ на 0 человек',
    'нужно 200000 лицензий',
    'статус заявки на 20 человек',
    'лицензии 10 или 20 пользователей? заявка 3',
  ])('finds no usable head count in %j', (text) => {
    expect(readChatRequest(text).quantity).toBeUndefined();
  });

  it('lets a task win over a greeting in the same message', () => {
    expect(parseChatCommand('Добрый день! Что с нашей заявкой?')).toBe('status');
    expect(parseChatCommand('hi, thanks, where is the invitation link?')).toBe('invitation');
  });

  it('does not forgive typos in short words', () => {
    expect(parseChatCommand('hu')).toBeUndefined();
    expect(parseChatCommand('hepl')).toBeUndefined();
    expect(parseChatCommand('заявкиии')).toBe('order');
  });
});
