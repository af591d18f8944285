/**
 * A slip of the keyboard typed into a question, for measuring how answers hold up under typos (`npm run eval --
 * --suite --slips swap|drop|lower`): the same expectations, the question with one slip in its longest plain word, or
 * typed in small letters throughout as chat questions often are. Pure.
 */
export const SLIPS = ['swap', 'drop', 'lower'] as const;
export type Slip = (typeof SLIPS)[number];

/** How the questions were asked, for the suite's log line. */
export function describeSlip(slip: Slip): string {
  return slip === 'lower' ? 'in small letters' : `with one slip (${slip}) in its longest word`;
}

/** A word of six small letters or more, not glued to code punctuation ("os.path", "--no-ff", "fs.readFile("). */
const PLAIN_WORD = /(?<![\p{L}\p{N}_.$@/-])\p{Ll}{6,}(?![\p{L}\p{N}_.(/-])/gu;

/**
 * The question with two neighbouring letters swapped in its longest plain word (the first of equals), at its middle
 * or the nearest pair of unlike letters ("interpreter" → "inteprreter"), or its middle letter dropped ("interreter").
 * Unchanged when it has no such word. Or the whole question in small letters ("Who is the Kremlin spokesman?" → "who
 * is the kremlin spokesman?").
 */
export function withSlip(question: string, slip: Slip): string {
  if (slip === 'lower') return question.toLowerCase();
  let longest: RegExpExecArray | null = null;
  for (const match of question.matchAll(PLAIN_WORD)) if (longest === null || match[0].length > longest[0].length) longest = match as RegExpExecArray;
  if (longest === null) return question;
  const word = longest[0];
  const middle = Math.floor(word.length / 2);
  const slipped = slip === 'drop' ? word.slice(0, middle) + word.slice(middle + 1) : swapNearMiddle(word, middle);
  return question.slice(0, longest.index) + slipped + question.slice(longest.index + word.length);
}

/** The word with the pair of unlike neighbouring letters nearest its middle swapped. */
function swapNearMiddle(word: string, middle: number): string {
  for (let distance = 0; distance < word.length; distance++) {
    for (const at of [middle - distance, middle + distance]) {
      if (at >= 1 && at < word.length && word[at - 1] !== word[at]) return word.slice(0, at - 1) + word[at] + word[at - 1] + word.slice(at + 1);
    }
  }
  return word;
}
