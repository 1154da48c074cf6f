import { Channels } from 'botbuilder';
import { isLoopbackHost } from '../config.js';

/**
 * Which activities reach the bot at all. Every Azure Bot also has Web Chat
 * and Direct Line channels, whose clients write `channelData` (and with it a
 * "tenant") freely; only Microsoft Teams sets the tenant fields itself. Teams
 * activities carry `channelId` `msteams` (botframework-schema's
 * `Channels.Msteams`; "Channels.Msteams Field", https://learn.microsoft.com/dotnet/api/microsoft.agents.core.models.channels.msteams),
 * and so does the Agents Playground, which mimics Teams.
 *
 * In demo mode nothing authenticates the request, so the `serviceUrl` the
 * bot would answer to must be on this machine: otherwise a web page could
 * make the bot POST into the developer's network.
 */
export type ActivityRefusal =
  /** Not from Teams: no command, card or storage; at most "this app works in Teams". */
  | 'notTeams'
  /** Demo mode and the answer would leave this machine: no answer at all. */
  | 'serviceUrlNotLoopback';

export interface ActivityGatePolicy {
  /** Demo mode: answer only to a loopback `serviceUrl`. */
  readonly loopbackServiceUrlOnly: boolean;
}

export const TEAMS_CHANNEL_ID: string = Channels.Msteams;

export function activityRefusal(
  activity: { readonly channelId?: string; readonly serviceUrl?: string },
  policy: ActivityGatePolicy,
): ActivityRefusal | undefined {
  if (policy.loopbackServiceUrlOnly && !isLoopbackUrl(activity.serviceUrl)) return 'serviceUrlNotLoopback';
  if (activity.channelId !== TEAMS_CHANNEL_ID) return 'notTeams';
  return undefined;
}

function isLoopbackUrl(serviceUrl: string | undefined): boolean {
  if (serviceUrl === undefined || !URL.canParse(serviceUrl)) return false;
  const url = new URL(serviceUrl);
  return (url.protocol === 'http:' || url.protocol === 'https:') && isLoopbackHost(url.hostname);
}
