/** Limits the phone and the server share. No imports: the phone bundle includes it. */

/** Longest question, in characters. */
export const MAX_QUESTION_LENGTH = 280;
