import { z } from 'zod';

/**
 * An undo step that spans several operations, named by the door that starts it: the saves of one
 * spell of typing in a memo field, or a new code and its first coding (Ctrl+K on a new name, in
 * vivo, auto-coding into a new code). Consecutive events that carry the same step undo and redo
 * together.
 */
export const undoStep = z.string().trim().min(1).max(200).optional();
