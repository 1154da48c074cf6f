// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelTabSettings, TabConfigurationHost } from '../../../src/board/host/channel-tab-config.js';
import { renderBoard } from '../support/render-board.js';
import { setUpDom, tearDownDom, teamsHost } from '../../tab/support/render-tab.js';

beforeEach(setUpDom);
afterEach(tearDownDom);

function standInConfiguration(supported: boolean) {
  const offered: (() => ChannelTabSettings)[] = [];
  let fail: (error: unknown) => void = () => undefined;
  const configuration: TabConfigurationHost = {
    isSupported: () => supported,
    offerSave: (settings, onFailure) => {
      offered.push(settings);
      fail = onFailure;
    },
  };
  return { configuration, offered, failSave: (error: unknown) => fail(error) };
}

describe('the channel tab\'s configuration page', () => {
  it('in Teams, enables Save with the board\'s content URL, entity id and a name in the user\'s language', async () => {
    const stand = standInConfiguration(true);
    const board = await renderBoard({ host: teamsHost().host, configuration: stand.configuration });
    await board.waitFor(() => board.text().includes('Вкладка заявок клиентов'), 'the page');
    expect(board.text()).toContain('сотрудникам Contoso Distribution все заявки клиентов');
    expect(stand.offered).toHaveLength(1);
    expect(stand.offered[0]?.()).toEqual({
      entityId: 'board',
      contentUrl: `${window.location.origin}/board?inTeams=1`,
      websiteUrl: `${window.location.origin}/board`,
      suggestedDisplayName: 'Заявки CSP',
    });
  });

  it('says when Teams did not save the tab', async () => {
    const stand = standInConfiguration(true);
    const board = await renderBoard({ host: teamsHost().host, configuration: stand.configuration });
    await board.waitFor(() => stand.offered.length === 1, 'the save handler');
    stand.failSave(new Error('denied'));
    await board.waitFor(() => board.text().includes('Teams не сохранил вкладку'), 'the failure');
  });

  it('outside Teams\' configuration frame, offers no Save and says where to open it', async () => {
    const stand = standInConfiguration(false);
    const board = await renderBoard({ configuration: stand.configuration });
    await board.waitFor(() => board.text().includes('Откройте её из Teams'), 'the hint');
    expect(stand.offered).toEqual([]);
  });
});
