/** Bytes → text, or the reason the file cannot be read as text. */

/** `readAs`: how an HTML page that is not UTF-8 was read ("read in windows-1252, as the page declares"). */
export type Decoded = { ok: true; text: string; readAs?: string } | { ok: false; reason: string };

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Share of control characters (other than tab, line breaks and form feed) above which text is binary. */
const MAX_CONTROL_SHARE = 0.1;
/** How much of the text the control-character test looks at, like Git's binary heuristic. */
const SAMPLE = 8192;

/**
 * An HTML page names its encoding in a `<meta charset>` or a `<meta http-equiv="Content-Type" content="…;
 * charset=…">` within its first 1024 bytes (the HTML standard's prescan); a page that names none and is not UTF-8 is
 * read as browsers read it, in windows-1252.
 */
const DECLARED_CHARSET = /<meta\b[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/iu;
const PRESCAN_BYTES = 1024;
const WINDOWS_1252 = new TextDecoder('windows-1252');

function legacyHtmlDecoder(bytes: Uint8Array): { decoder: InstanceType<typeof TextDecoder>; declared: boolean } {
  const head = WINDOWS_1252.decode(bytes.subarray(0, PRESCAN_BYTES));
  const label = DECLARED_CHARSET.exec(head)?.[1];
  if (label !== undefined) {
    try {
      const declared = new TextDecoder(label);
      // A page that says UTF-8 but is not is read as the web reads an undeclared one.
      if (declared.encoding !== 'utf-8') return { decoder: declared, declared: true };
    } catch {
      // An encoding the runtime does not know: the web's default.
    }
  }
  return { decoder: WINDOWS_1252, declared: false };
}

/**
 * Decodes UTF-8 strictly and strips a byte-order mark; with `html`, a page that is not UTF-8 is read in the encoding
 * it declares (or windows-1252). Nothing else is normalised: typographic quotes, dashes, non-breaking spaces and CRLF
 * line breaks stay as they are, so quotes remain verbatim.
 */
export function decodeText(bytes: Uint8Array, options: { html?: boolean } = {}): Decoded {
  if (bytes.length === 0) return { ok: false, reason: 'empty file' };
  if (bytes.includes(0)) return { ok: false, reason: 'binary file (contains NUL bytes)' };
  let text: string;
  let readAs: string | undefined;
  try {
    // The decoder drops a leading BOM itself (ignoreBOM: false).
    text = UTF8.decode(bytes);
  } catch {
    if (options.html !== true) return { ok: false, reason: 'not UTF-8 (invalid byte sequence)' };
    const { decoder, declared } = legacyHtmlDecoder(bytes);
    text = decoder.decode(bytes);
    readAs = `not UTF-8: read in ${decoder.encoding}, ${declared ? 'as the page declares' : 'as browsers read a page that declares no encoding'}`;
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
  return readAs === undefined ? { ok: true, text } : { ok: true, text, readAs };
}
