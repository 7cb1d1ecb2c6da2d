import type { CommandSpec } from '../registry';
import { MEETING_COMMANDS } from './meetings';
import { REVIEW_COMMANDS } from './review';
import { SIGNOFF_COMMANDS } from './signoff';
import { SUGGESTION_COMMANDS } from './suggestions';
import { DECISION_COMMANDS } from './decisions';

/**
 * Every command of `minuta`, in the order the usage lists them. A module adds its commands by
 * exporting a list of `defineCommand({...})` declarations and spreading it here.
 */
export const COMMANDS: readonly CommandSpec[] = [...MEETING_COMMANDS, ...REVIEW_COMMANDS, ...SUGGESTION_COMMANDS, ...DECISION_COMMANDS, ...SIGNOFF_COMMANDS];
