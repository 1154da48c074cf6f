// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deriveJourney } from '../../../src/domain/journey/journey.js';
import type { Journey } from '../../../src/domain/journey/journey.js';
import { fakeApi, renderTab, setUpDom, tearDownDom } from '../support/render-tab.js';

beforeEach(setUpDom);
afterEach(tearDownDom);

const opened: Journey = deriveJourney({
  firstContactAt: '2026-12-01T07:00:00.000Z',
  invitationEvidence: { level: 'detected', at: '2026-12-01T08:00:00.000Z' },
  gdap: { used: false },
  orders: [],
});
const agreed: Journey = deriveJourney({
  firstContactAt: '2026-12-01T07:00:00.000Z',
  invitationEvidence: { level: 'detected', at: '2026-12-01T08:00:00.000Z' },
  mcaAcceptedAt: '2026-12-02T08:00:00.000Z',
  gdap: { used: false },
  orders: [],
});

function checklistItems(container: HTMLElement): string[] {
  return Array.from(container.querySelectorAll('header section ol li')).map((item) => item.textContent ?? '');
}

describe('the header checklist', () => {
  it('shows what is done, what is left and the one next action, and moves when the tenant is read again', async () => {
    const answers = [opened, agreed];
    const api = fakeApi({ journey: () => Response.json(answers.shift() ?? agreed) });
    const tab = await renderTab({ fetchApi: api.fetch });
    await tab.waitFor(() => tab.container.querySelector('header section') !== null, 'the checklist');

    const header = tab.container.querySelector('header');
    expect(header?.querySelector('section')?.getAttribute('aria-label')).toBe('Ваш путь подключения');
    expect(header?.textContent).toContain('Готово 2 из 6');
    expect(header?.textContent).toContain('Следующий шаг: Примите Соглашение с клиентом Майкрософт');
    // GDAP is not used here, so it is not listed.
    expect(checklistItems(tab.container)).toEqual([
      'Приложение открыто(готово)',
      'Приглашение партнёра принято(готово)',
      'Соглашение с клиентом Майкрософт принято(осталось)',
      'Первая заявка отправлена(осталось)',
      'Заявка принята дистрибьютором(осталось)',
      'Заявка выполнена(осталось)',
    ]);

    await tab.openStep('Подтверждение');
    await tab.waitFor(() => tab.button('Проверить снова') !== undefined, 'check again');
    await act(async () => tab.button('Проверить снова')?.click());
    await tab.waitFor(() => header?.textContent?.includes('Готово 3 из 6') === true, 'the checklist after the MCA');
    expect(header?.textContent).toContain('Следующий шаг: Отправьте заявку на лицензии');
  });

  it('stays out of the header when the checklist cannot be read', async () => {
    const tab = await renderTab();
    await tab.waitFor(() => tab.text().includes('Приглашение'), 'the wizard');
    expect(tab.container.querySelector('header section')).toBeNull();
  });
});
