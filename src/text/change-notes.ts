/** Change notes of versioned documentation, read the same way when passages are cut and when sentences are ranked. */

/**
 * A change note of versioned documentation ("Changed in version 3.0: The default protocol is 3.", "New in version
 * 3.2.", "Added in: v17.5.0", "Deprecated since version 3.12"): what was so as of some version, which may no longer be.
 */
const CHANGE_NOTE = /^(?:(?:changed|new|added|deprecated|removed|updated)\s+(?:in|since)(?:\s+version)?\b|version\s+(?:changed|added)\b)/iu;

export function isChangeNote(text: string): boolean {
  return CHANGE_NOTE.test(text.trimStart());
}

/**
 * A change note that says nothing but its version ("New in version 3.14.", "Added in: v0.1.90"): at the head of a
 * section it dates the section's subject, the entry its heading names.
 */
const BARE_CHANGE_NOTE = /^\s*(?:(?:new|added)\s+(?:in|since)(?:\s+version)?|version\s+added)\s*:?\s*v?\d+(?:\.\d+)*\.?\s*$/iu;

export function isBareChangeNote(text: string): boolean {
  return BARE_CHANGE_NOTE.test(text);
}
