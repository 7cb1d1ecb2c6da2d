import { diffMeetings, type Meeting } from '../../src/shared/minutes';
import type { Services } from '../../src/main/services';

/**
 * Saves a whole edited document the way the editor does: the changes since the stored head, on the
 * head's seq. For tests that think in documents rather than block records.
 */
export function saveWhole(services: Pick<Services, 'dispatch' | 'store'>, id: string, meeting: Meeting) {
  const current = services.store.get(id);
  if (!current) return services.dispatch('saveMeeting', { id, base: 0, changes: {} });
  return services.dispatch('saveMeeting', { id, base: current.seq, changes: diffMeetings(current.meeting, meeting) });
}
