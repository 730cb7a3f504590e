import type { ConnectorState } from './connector';
import { countOf } from '../format/count-of';

/**
 * The Settings view's one-line status: "Not connected", "Online · last sync 14:05",
 * "Offline · 3 queued", "Error: …", with "· 1 conflict" appended when a write awaits a choice and
 * "· 2 held for another user" when queued writes wait for the user who made them.
 * `formatTime` renders an epoch-ms time in the user's locale (the view passes it).
 *
 * @example statusLine({ status: 'offline', queued: 3, conflicts: [], … }, t) // → 'Offline · 3 queued'
 */
export function statusLine(state: ConnectorState, formatTime: (epochMs: number) => string): string {
  const parts: string[] = [];
  if (state.status === 'disconnected') parts.push('Not connected');
  else if (state.status === 'online')
    parts.push(state.lastSyncAt === null ? 'Online' : `Online · last sync ${formatTime(state.lastSyncAt)}`);
  else if (state.status === 'offline') parts.push(`Offline · ${state.queued} queued`);
  else parts.push(`Error: ${state.error ?? 'unknown'}`);
  if (state.status !== 'offline' && state.queued > 0) parts.push(`${state.queued} queued`);
  if (state.held > 0) parts.push(`${state.held} held for another user`);
  if (state.conflicts.length > 0) parts.push(countOf(state.conflicts.length, 'conflict'));
  if (state.failed.length > 0) parts.push(`${state.failed.length} refused`);
  return parts.join(' · ');
}
