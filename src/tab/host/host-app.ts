/**
 * The Microsoft 365 application the tab runs in. The personal tab opens in
 * Teams, Outlook and the Microsoft 365 app (manifest 1.13+, "Extend Teams apps
 * across Microsoft 365", https://learn.microsoft.com/microsoftteams/platform/m365-apps/overview);
 * the bot's chat exists only in Teams.
 */
export type HostApp = 'teams' | 'outlook' | 'microsoft365' | 'other';

/**
 * From `app.getContext().app.host.name` (teams-js `HostName`: Teams,
 * TeamsModern, Outlook, OutlookWin32, Office, …). No name at all comes from
 * older Teams clients only, so it counts as Teams.
 */
export function hostAppFromName(name: string | undefined): HostApp {
  switch (name) {
    case undefined:
    case 'Teams':
    case 'TeamsModern':
      return 'teams';
    case 'Outlook':
    case 'OutlookWin32':
      return 'outlook';
    case 'Office':
      return 'microsoft365';
    default:
      return 'other';
  }
}
