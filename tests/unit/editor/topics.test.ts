import { describe, expect, it } from 'vitest';
import { useAppStore } from '../../../src/renderer/src/state/store';
import { commentMarksTopic, peopleTopic } from '../../../src/renderer/src/state/topics';
import { generateLongMeeting } from '../../bench/generate';

/**
 * Topics wake their subscribers only when their part of the app state changed: a keystroke (a new
 * document with the same people, a save state) must not reach the fields' comment marks.
 */
describe('store topics', () => {
  it('wakes comment-mark and people subscribers only when those change, not on a keystroke', () => {
    const { meeting } = generateLongMeeting(2);
    useAppStore.setState({ doc: { id: meeting.id, meeting } });
    let marks = 0;
    let people = 0;
    const stopMarks = commentMarksTopic.subscribe(() => marks++);
    const stopPeople = peopleTopic.subscribe(() => people++);
    try {
      // What a keystroke does to the state: a new meeting object (the people shared), the save state.
      useAppStore.setState({ doc: { id: meeting.id, meeting: { ...meeting, body: [...meeting.body] } } });
      useAppStore.setState({ saveState: 'pending' });
      expect([marks, people]).toEqual([0, 0]);

      useAppStore.setState({ commentMarks: { blocks: { b1: 1 }, ranges: {} } });
      expect([marks, people]).toEqual([1, 0]);
      useAppStore.setState({ doc: { id: meeting.id, meeting: { ...meeting, people: [...meeting.people] } } });
      expect([marks, people]).toEqual([1, 1]);
    } finally {
      stopMarks();
      stopPeople();
    }
  });
});
