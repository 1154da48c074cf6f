import { pages } from '@microsoft/teams-js';
import { BOARD_ENTITY_ID, BOARD_PATH } from '../../domain/board/board-pages.js';

/**
 * The settings Teams saves for the channel tab: Microsoft Learn, "Create a
 * configuration page"
 * (https://learn.microsoft.com/microsoftteams/platform/tabs/how-to/create-tab-pages/configuration-page):
 * the page calls `pages.config.setValidityState(true)` to enable Save, and
 * in the `registerOnSaveHandler` callback `pages.config.setConfig` with the
 * content page's `contentUrl`, `websiteUrl`, `entityId` and
 * `suggestedDisplayName`, then `notifySuccess()` (or `notifyFailure`).
 */
export interface ChannelTabSettings {
  readonly entityId: string;
  readonly contentUrl: string;
  readonly websiteUrl: string;
  readonly suggestedDisplayName: string;
}

export function channelTabSettings(origin: string, displayName: string): ChannelTabSettings {
  return {
    entityId: BOARD_ENTITY_ID,
    contentUrl: `${origin}${BOARD_PATH}?inTeams=1`,
    websiteUrl: `${origin}${BOARD_PATH}`,
    suggestedDisplayName: displayName,
  };
}

/** The part of teams-js the configuration page uses; tests pass a stand-in. */
export interface TabConfigurationHost {
  /** False outside Teams' configuration frame (a browser, a personal tab). */
  isSupported(): boolean;
  /** Enables Save; on Save, saves `settings()` and reports back. Resolves when registered. */
  offerSave(settings: () => ChannelTabSettings, onFailure: (error: unknown) => void): void;
}

export const teamsTabConfiguration: TabConfigurationHost = {
  isSupported: () => {
    try {
      return pages.isSupported() && pages.config.isSupported();
    } catch {
      // teams-js throws when it was never initialized (a plain browser).
      return false;
    }
  },
  offerSave(settings, onFailure) {
    pages.config.registerOnSaveHandler((saveEvent) => {
      pages.config.setConfig(settings()).then(
        () => saveEvent.notifySuccess(),
        (error: unknown) => {
          onFailure(error);
          saveEvent.notifyFailure(error instanceof Error ? error.message : String(error));
        },
      );
    });
    pages.config.setValidityState(true);
  },
};
