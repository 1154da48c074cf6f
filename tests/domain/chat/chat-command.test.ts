import { describe, expect, it } from 'vitest';
import { parseChatCommand } from '../../../src/domain/chat/chat-command.js';

describe('parseChatCommand', () => {
  it.each([
    ['order', 'order'],
    ['Заказ', 'order'],
    ['заявка', 'order'],
    ['/order', 'order'],
    ['  Новая   заявка! ', 'order'],
    ['status', 'status'],
    ['Статус', 'status'],
    ['мои заявки', 'status'],
    ['help', 'help'],
    ['Помощь', 'help'],
    ['?', 'help'],
    ['Входящие', 'inbox'],
  ])('reads %j as %s', (text, command) => {
    expect(parseChatCommand(text)).toBe(command);
  });

  it.each(['привет', '', 'order 25 licenses', 'статус заявки CSP-1'])('treats %j as no command', (text) => {
    expect(parseChatCommand(text)).toBeUndefined();
  });
});
