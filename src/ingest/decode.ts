/** Bytes → text, or the reason the file cannot be read as text. */

export type Decoded = { ok: true; text: string } | { ok: false; reason: string };

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Share of control characters (other than tab, line breaks and form feed) above which text is binary. */
const MAX_CONTROL_SHARE = 0.1;
/** How much of the text the control-character test looks at, like Git's binary heuristic. */
const SAMPLE = 8192;

/**
 * Decodes UTF-8 strictly and strips a byte-order mark. Nothing else is normalised: typographic quotes,
 * dashes, non-breaking spaces and CRLF line breaks stay as they are, so quotes remain verbatim.
 */
export function decodeText(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { ok: false, reason: 'empty file' };
  if (bytes.includes(0)) return { ok: false, reason: 'binary file (contains NUL bytes)' };
  let text: string;
  try {
    // The decoder drops a leading BOM itself (ignoreBOM: false).
    text = UTF8.decode(bytes);
  } catch {
    return { ok: false, reason: 'not UTF-8 (invalid byte sequence)' };
  }
  if (text.trim() === '') return { ok: false, reason: 'empty file (white space only)' };
  let control = 0;
  const sample = Math.min(text.length, SAMPLE);
  for (let i = 0; i < sample; i++) {
    const c = text.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 12 && c !== 13) || c === 127) control++;
  }
  if (control / sample > MAX_CONTROL_SHARE) {
    return { ok: false, reason: 'binary file (mostly control characters)' };
  }
  return { ok: true, text };
}
