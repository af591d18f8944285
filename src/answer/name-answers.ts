/** Names as answers: people, places, organisations, the code name of a module or pragma, the long form of an abbreviation. */
import { identifiersIn } from './code-names.js';
import { identifiersOfQuestion, writtenWhole } from './identifiers.js';
import { closeness, hasPunctuationBetween, MONTHS } from './mentions.js';
import { isSpace } from '../text/prose.js';
import { questionForms, type Question } from './question.js';
import { type SentenceView, sliceTokens, textBetween } from './sentence.js';
import type { IsCommon, ShortAnswer, TermWeights } from './short-answer.js';
import { WHOLE_TIME } from './spans.js';
import { longFormOf, spellsOut } from '../text/abbreviations.js';
import { isEnglishWord } from '../text/english.js';
import { type NameKind, nameKindOf } from '../text/names.js';
import { tokenize } from '../text/terms.js';
import { isOnlyAdverb, namesNoOne, namesNoPlace } from '../text/wordnet.js';

const CODE_NAME_BEFORE = /([\p{L}_][\p{L}\p{N}_.:/-]*[\p{L}\p{N}_])\s+$/u;

const CODE_NAME_AFTER = /^\s+`?([\p{L}_][\p{L}\p{N}_.:/-]*[\p{L}\p{N}_])/u;

/**
 * A name in quotation marks just before the noun: "the 'end' event", "the “close” signal", "an 'apcaccess status'
 * command"; any words so quoted are a name (a command with its argument, a dialog's title).
 */
const QUOTED_NAME_BEFORE = /(?:'(\S(?:[^'\n]{0,38}\S)?)'|"(\S(?:[^"\n]{0,38}\S)?)"|‘(\S(?:[^’\n]{0,38}\S)?)’|“(\S(?:[^”\n]{0,38}\S)?)”|`(\S(?:[^`\n]{0,38}\S)?)`)\s+$/u;

const CODE_LIKE = /[_.:/]|\p{Ll}\p{Lu}|\p{L}\p{N}|\p{N}\p{L}/u;
const LOWER_CASE_WORD = /^\p{Ll}{2,}$/u;
const STARTS_UPPER_CASE = /^\p{Lu}/u;
const ACRONYM = /^\p{Lu}{2,}(?:(?:[-&]|\s+)\p{Lu}{2,})*$/u;
const ACRONYM_PLURAL = /^\p{Lu}{2,}s$/u;
const ONE_LETTER = /^\p{L}\.?$/u;
const CODE_MARKS = /[_\d/\\<>^@#$%*=+~`{}[\]|]|\.\p{L}/u;
/** Words run together with two inner capitals, as code names things: "ErrorLogFormat", "LimitRequestBody" (not "McDonald", "GitHub"). */
const RUN_TOGETHER = /\p{Ll}\p{Lu}.*\p{Ll}\p{Lu}/u;

/**
 * The start of a snake_case identifier that a part of it ends ("FFI_DEFAULT_" before "ABI"): its words make one noun,
 * the last its head. Other joins are not compounds: "host:port" is no port, "os.path" no path.
 */
const IDENTIFIER_BEFORE_PART = /(?<![\p{L}\p{N}_.:/-])(\p{L}[\p{L}\p{N}]*(?:_[\p{L}\p{N}]+)*_)$/u;
/** What would go on with the identifier after a part of it ("port-number", "ABI_VERSION"). */
const IDENTIFIER_GOES_ON = /^(?:[\p{L}\p{N}_]|[.:/-][\p{L}\p{N}])/u;

/** How far either side of the noun a code name is looked for, in characters. */
const CODE_NAME_REACH = 80;

/**
 * Written as code: with an underscore, a dot, a colon or a slash inside, in camelCase, mixing letters and digits, or
 * lower-case words no dictionary knows ("zlib"), alone or joined by hyphens ("www-data"; not "well-known").
 */
function looksLikeCodeName(name: string): boolean {
  if (CODE_LIKE.test(name)) return true;
  const parts = name.split('-');
  return parts.every((part) => LOWER_CASE_WORD.test(part)) && parts.some((part) => !isEnglishWord(part));
}

/**
 * CODE_NAME_BEFORE's match in `text`, sought only in its last word: the name holds no white space and ends where the
 * trailing white space starts, so no match can start before that word (the same match, found without trying every
 * earlier position of an 80-character reach).
 */
function codeNameBefore(text: string): RegExpExecArray | null {
  let end = text.length;
  while (end > 0 && isSpace(text.charCodeAt(end - 1))) end -= 1;
  if (end === text.length) return null;
  let start = end;
  while (start > 0 && !isSpace(text.charCodeAt(start - 1))) start -= 1;
  return CODE_NAME_BEFORE.exec(start === 0 ? text : text.slice(start));
}

/**
 * "Which module …", "which pragma …": the code name written next to the asked noun ("the zlib module", "PRAGMA
 * foreign_keys"), or to a noun before it in the question when the sentence does not write it, unless the question
 * itself writes it next to that noun (then it is the subject, not the answer).
 */
export function extractCodeNameOfFocus(view: SentenceView, question: Question, weights: TermWeights): ShortAnswer | null {
  const focus = question.focus;
  if (focus === null) return null;
  // "which user account …" is answered by "the www-data user" too, when the sentence does not write the head noun: a
  // name before the noun, as English names a thing of a kind (not "git rm" for "which git command").
  const writesFocus = view.tokens.some((token) => token.term === focus);
  const nouns = writesFocus ? [focus] : question.focusModifiers;
  let best: ShortAnswer | null = null;
  let askedName: string | undefined;
  view.tokens.forEach((token, index) => {
    if (!nouns.includes(token.term)) return;
    const start = token.start - view.range.start;
    const end = token.end - view.range.start;
    const reach = view.text.slice(Math.max(0, start - CODE_NAME_REACH), start);
    const before = codeNameBefore(reach);
    const quoted = QUOTED_NAME_BEFORE.exec(reach);
    const quotedName = quoted?.slice(1).find((group) => group !== undefined);
    const after = writesFocus ? CODE_NAME_AFTER.exec(view.text.slice(end, end + CODE_NAME_REACH)) : null;
    // "FFI_DEFAULT_ABI" for "which ABI …": an identifier whose last part is the noun names one of its kind.
    const headed = IDENTIFIER_GOES_ON.test(view.text.slice(end, end + 2)) ? null : IDENTIFIER_BEFORE_PART.exec(reach);
    const found = [
      headed === null ? null : { name: headed[1]! + view.text.slice(start, end), offset: start - headed[1]!.length, quoted: false },
      before === null ? null : { name: before[1]!, offset: start - before[0].length, quoted: false },
      quoted === null || quotedName === undefined ? null : { name: quotedName, offset: start - quoted[0].length + 1, quoted: true },
      after === null ? null : { name: after[1]!, offset: end + after[0].length - after[1]!.length, quoted: false },
    ];
    for (const candidate of found) {
      if (candidate === null || !(candidate.quoted || looksLikeCodeName(candidate.name))) continue;
      const writtenAsCode = codeWrittenByQuestion(question, candidate.name);
      askedName ??= writtenAsCode;
      if (writtenAsCode !== undefined || questionNamesWithNoun(question, candidate.name)) continue;
      const score = closeness(view, index, question, weights);
      if (best === null || score > best.score) {
        const at = view.tokens.findIndex((other) => other.start - view.range.start >= candidate.offset);
        best = { text: candidate.name, value: candidate.name.toLowerCase(), score, at: Math.max(0, at) };
      }
    }
  });
  return best ?? (askedName === undefined ? null : otherNameOfSameShape(view, question, askedName));
}

/**
 * "Which option replaces --gecos?" over "The --gecos option is being renamed to --comment": the name the sentence
 * gives its noun is the question's own, so the answer is the other name it writes the same way (both options).
 */
function otherNameOfSameShape(view: SentenceView, question: Question, asked: string): ShortAnswer | null {
  const shape = (name: string): string => /^-+|[_.]/u.exec(name)?.[0] ?? '';
  const others = identifiersIn(view.text).filter((name) => shape(name) === shape(asked) && codeWrittenByQuestion(question, name) === undefined);
  if (others.length !== 1) return null;
  const name = others[0]!;
  const offset = view.text.indexOf(name);
  const at = view.tokens.findIndex((token) => token.start - view.range.start >= offset);
  return { text: name, value: name.toLowerCase(), score: 1, at: Math.max(0, at) };
}

/**
 * The question writes the name next to the noun it asks about ("is the csv module …", "which option does PRAGMA
 * foreign_keys …"): then the name is its subject, not its answer. Written elsewhere, it may be both: "which module
 * handles csv files?" is answered by the csv module.
 */
function questionNamesWithNoun(question: Question, name: string): boolean {
  const nouns = question.focus === null ? question.focusModifiers : [question.focus, ...question.focusModifiers];
  const whole = writtenWhole(name).source;
  const before = new RegExp(`${whole}[\\s'"‘’“”]{0,3}$`, 'iu');
  // Right after the noun, or as the subject after its auxiliary: "which library does libxslt depend on?".
  const after = new RegExp(`^(?:[\\s'"‘’“”]{0,3}|\\s+${AUXILIARY_BEFORE_SUBJECT.source}\\s+(?:the\\s+)?['"‘“]?)${whole}`, 'iu');
  return tokenize(question.text).some(
    (token) => nouns.includes(token.term) && (before.test(question.text.slice(0, token.start)) || after.test(question.text.slice(token.end))),
  );
}

/** The auxiliary a "which X" question puts before its subject ("which library does libxslt …", "which port is nginx …"). */
const AUXILIARY_BEFORE_SUBJECT = /(?:do|does|did|is|are|was|were|can|could|will|would|should|has|have|had)/u;

/**
 * The identifier the question writes that is `name` ("--gecos" for "gecos"), as the question writes it. Written as code
 * ("which option replaces --gecos?"), it names what is asked about, so it is no answer; a name written as a plain word
 * may be both: "which module handles csv files?" is answered by the csv module.
 */
function codeWrittenByQuestion(question: Question, name: string): string | undefined {
  const bare = (written: string): string => written.replace(/^-+/u, '').toLowerCase();
  return identifiersOfQuestion(question).find((identifier) => bare(identifier) === bare(name));
}

/** A page's name written as code: one word in small letters ("re", "os.path", "asyncio"), or one with marks of code. */
const CODE_ENTRY_NAME = /^[\p{Ll}_][\p{L}\p{N}_.:-]*$/u;

/**
 * "Which module …" answered by "This module provides …": the sentence speaks of its page's subject, so the answer is
 * the name the page's title gives it ("re" of "re — Regular expression operations"), when that name is written as code
 * and the question does not write it next to the noun.
 */
export function extractEntryNameOfFocus(view: SentenceView, question: Question, entryName: string): ShortAnswer | null {
  const [first, second] = view.tokens;
  if (question.focus === null || first?.raw.toLowerCase() !== 'this' || second?.term !== question.focus) return null;
  if (!(CODE_ENTRY_NAME.test(entryName) || (!/\s/u.test(entryName) && CODE_LIKE.test(entryName)))) return null;
  if (questionNamesWithNoun(question, entryName)) return null;
  return nameAnswer(entryName);
}

/** A command-line option as an entry's term, with the value it takes: "--enable-usb", "--with-cgi-bin=path", "-j N". */
const OPTION_TERM = /^(--?[\p{L}\p{N}][\p{L}\p{N}_-]*)(?:[= ]\S*)?$/u;

/** The option a heading is, its value aside ("--with-cgi-bin" of "--with-cgi-bin=path"), or undefined. */
export function optionOfTerm(heading: string): string | undefined {
  return OPTION_TERM.exec(heading.trim())?.[1];
}

/** "Function: void ffi_closure_free (void *writable)", "Variable: LIBFFI_TMPDIR": a kind of thing, a colon, and what is defined. */
const KIND_HEADING = /^\s*(\p{L}+(?: \p{L}+)?)\s*:\s+(\S.*)$/u;
/** The name a signature defines: the one called ("ffi_closure_free (…)"), else its last word. */
const CALLED_NAME = /([\p{L}_][\p{L}\p{N}_.:]*)\s*\(/u;
const LAST_NAME = /([\p{L}_][\p{L}\p{N}_.:]*)\W*$/u;

/**
 * The name a definition's heading gives a thing of the asked kind, as texinfo's @deftypefun and kin head an entry
 * ("Function: void ffi_closure_free (void *writable)" for "which function frees …"), or the option an option list's
 * entry is ("--enable-usb"), when it is written as code and the question does not write it; null for any other heading.
 */
export function definedNameOfFocus(heading: string, question: Question, sectionOf: () => string = () => ''): ShortAnswer | null {
  if (question.focus === null) return null;
  // An option's entry ("--enable-usb" over "Turns on generation of the USB driver code.") names it, its value aside,
  // when its section says it is of the kind asked ("Configure Options" for "which configure option …", not "OPTIONS" for
  // "which git command …").
  const option = optionOfTerm(heading);
  if (option !== undefined) {
    if (writtenWhole(option).test(question.text) || !tokenize(sectionOf()).some((token) => token.term === question.focus)) return null;
    return nameAnswer(option);
  }
  const match = KIND_HEADING.exec(heading);
  if (match === null) return null;
  if (!tokenize(match[1]!).some((token) => token.term === question.focus)) return null;
  const name = (CALLED_NAME.exec(match[2]!) ?? LAST_NAME.exec(match[2]!))?.[1];
  if (name === undefined || !(CODE_ENTRY_NAME.test(name) || CODE_LIKE.test(name))) return null;
  // The question's own identifier is what it asks about ("… the memory I got back from ffi_closure_alloc"), not its answer.
  return writtenWhole(name).test(question.text) ? null : nameAnswer(name);
}

/** A name an entry gives, as the short answer of the sentence that opens it. */
function nameAnswer(name: string): ShortAnswer {
  return { text: name, value: name.toLowerCase(), score: 1, at: 0 };
}

/** "International Components for Unicode" for "What does ICU stand for?", when the sentence spells it out. */
export function extractLongForm(view: SentenceView, question: Question): ShortAnswer | null {
  for (const abbreviation of question.abbreviations) {
    const longForm = longFormOf(abbreviation, view.text);
    if (longForm === null) continue;
    const offset = view.range.start + view.text.indexOf(longForm);
    return { text: longForm, value: longForm.toLowerCase(), score: 1, at: Math.max(0, view.tokens.findIndex((token) => token.start >= offset)) };
  }
  return null;
}

const TITLES = new Set(
  `president prime minister foreign secretary general chancellor governor mayor senator spokesman spokesperson
  spokeswoman chief head director minister's king queen prince princess pope dr mr mrs ms sir lord lady judge
  ambassador commander colonel lieutenant sergeant captain professor acting deputy vice former`
    .split(/\s+/)
    .filter(Boolean),
);

const PLACE_NOUNS = /^(region|city|town|village|district|province|oblast|county|state|country|capital|island|republic|area)$/i;

const PLACE_PREPOSITIONS = new Set(['in', 'at', 'near', 'from', 'across', 'into', 'to', 'outside', 'inside', 'around']);

interface NameSpan {
  from: number;
  to: number;
}

const MONTH_WORD = new RegExp(`^(?:${MONTHS})$`, 'iu');
const DAY_OF_MONTH = /^\d{1,2}(?:st|nd|rd|th)?$/u;

/** A month before a day's number starts a date, which ends the name before it: "on Kyiv July 4, 2025" names "Kyiv". */
function opensDate(view: SentenceView, index: number): boolean {
  return MONTH_WORD.test(view.tokens[index]!.raw) && DAY_OF_MONTH.test(view.tokens[index + 1]?.raw ?? '');
}

/** Capitalised runs of words ("Vitali Klitschko", "Ukrzaliznytsia"), minus leading titles and question words. */
function nameSpans(view: SentenceView, question: Question): NameSpan[] {
  const questionTerms = questionForms(question);
  const spans: NameSpan[] = [];
  let index = 0;
  while (index < view.tokens.length) {
    if (!isCapitalised(view, index)) {
      index += 1;
      continue;
    }
    let end = index;
    while (
      end + 1 < view.tokens.length &&
      isCapitalised(view, end + 1) &&
      !hasPunctuationBetween(view, end, end + 1) &&
      !hasLineBreakBetween(view, end, end + 1) &&
      !hasQuoteBetween(view, end, end + 1) &&
      !opensDate(view, end + 1)
    ) {
      end += 1;
    }
    let from = index;
    // A person's name starts after the title before it, wherever that stands in the run: "Pennzoil Co Chairman J. Hugh
    // Liedtke" names "J. Hugh Liedtke".
    if (question.kind === 'person') {
      for (let at = end - 1; at > index; at--) {
        if (isTitle(view, at)) {
          from = at;
          break;
        }
      }
    }
    // Nor with a word that is only ever an adverb, capitalised as a sentence's first: "Sometimes Mercurial needs …".
    while (from <= end && (isTitle(view, from) || questionTerms.has(view.tokens[from]!.term) || view.tokens[from]!.term === '' || isOnlyAdverb(view.tokens[from]!.raw))) {
      from += 1;
    }
    // A name does not end in a stopword: "TIMEFMT The format …" names "TIMEFMT".
    let to = end;
    while (to >= from && view.tokens[to]!.term === '') to -= 1;
    // What is left of an identifier once the question's word is cut off is no name ("BASH_REMATCH" asked about "bash"),
    // nor is one part of a code path ("ProblemResolver" of "Aptitude::ProblemResolver::Trace-Directory", "Net" of "Net::SMTP").
    const cutsIdentifier = (): boolean =>
      (from > index && isGlued(view, from - 1, from)) || (to < end && isGlued(view, to, to + 1)) || joinsPath(view, from - 1, from) || joinsPath(view, to, to + 1);
    // A name ends with the question's own word only when that word is the kind of thing asked, after a word of the
    // name's own: "Tech Model Railroad Club" for "which club …", never "Cyclops" + "Corp" for "… of Cyclops Corp?";
    // or when a person is asked, whose given name comes first and whose family name names what the question asks
    // about ("Stephen Bourne" for "who wrote the original bourne shell?"; not "Text Editor" for "… the TECO editor?").
    const endsAsAsked = (): boolean =>
      !questionTerms.has(view.tokens[to]!.term) ||
      ((view.tokens[to]!.term === question.focus || (question.kind === 'person' && nameKindOf(view.tokens[to - 1]?.raw ?? '') === 'person')) &&
        to > from &&
        !questionTerms.has(view.tokens[to - 1]!.term));
    if (from <= to && endsAsAsked() && !cutsIdentifier()) spans.push({ from, to });
    index = end + 1;
  }
  return spans;
}

/** A title or a role before a name: "Chairman", "Mayor", "Dr". */
function isTitle(view: SentenceView, index: number): boolean {
  const raw = view.tokens[index]!.raw;
  return TITLES.has(raw.toLowerCase()) || nameKindOf(raw) === 'title';
}

/** The name is written as a call, its opening parenthesis right after it: "FlushFileBuffers()", "fsync(fd)". */
function isCalled(view: SentenceView, span: NameSpan): boolean {
  return view.text.charAt(view.tokens[span.to]!.end - view.range.start) === '(';
}

/**
 * The "++" of "C++", the "#" of "C#": marks that end a name but are no word of their own, so no token holds them; and
 * the closing bracket of a type argument the name opens ("Rc<T>", "Vec<String>").
 */
function markedSuffix(view: SentenceView, span: NameSpan): string {
  const after = view.text.slice(view.tokens[span.to]!.end - view.range.start);
  const opened = sliceTokens(view, span.from, span.to);
  if (count(opened, '<') > count(opened, '>') && after.startsWith('>')) return '>';
  return /^[+#]+(?![\p{L}\p{N}])/u.exec(after)?.[0] ?? '';
}

function count(text: string, mark: string): number {
  return text.split(mark).length - 1;
}

/** Two tokens joined as parts of a code path: "Aptitude::ProblemResolver", "SQLITE_SOURCE", "Meta/Reintegrate". */
function joinsPath(view: SentenceView, left: number, right: number): boolean {
  return left >= 0 && right < view.tokens.length && PATH_JOINER.test(textBetween(view, left, right));
}

const PATH_JOINER = /^(?:::|[_/\\]+)$/u;

/** Two tokens written as one word: "BASH_REMATCH", "os.path", "ZLE-widget". */
function isGlued(view: SentenceView, left: number, right: number): boolean {
  const gap = textBetween(view, left, right);
  return gap !== '' && !/\s/u.test(gap);
}

/**
 * A break between two tokens that ends a name: a blank line (a term and its description, a heading and its text), or
 * a line break after a line that ends a name before it. A prose line wrapped inside a name ("Chairman J. Hugh" and
 * "Liedtke", in news written to a width) goes on.
 */
function hasLineBreakBetween(view: SentenceView, left: number, right: number): boolean {
  const gap = textBetween(view, left, right);
  return gap.includes('\n') && (/\n[ \t]*\n/u.test(gap) || !isWrappedProse(view, left));
}

/** Characters of a line that is prose wrapped to a width, not a term or a label on a line of its own. */
const WRAPPED_LINE = 40;

function isWrappedProse(view: SentenceView, index: number): boolean {
  const end = view.tokens[index]!.end - view.range.start;
  return end - (view.text.lastIndexOf('\n', end - 1) + 1) >= WRAPPED_LINE;
}

/**
 * A quotation mark or bracket between two words: a quoted title or aside starts or ends there ("Mad Magazine's
 * ‘Veeblefetzer’ parodies", "the {Great Worm}"). An apostrophe after a plural's "s" is its possessive ("the Smiths’").
 */
function hasQuoteBetween(view: SentenceView, left: number, right: number): boolean {
  const gap = textBetween(view, left, right);
  if (QUOTE_OR_BRACKET.test(gap)) return true;
  return APOSTROPHE.test(gap) && !(/^['’]/u.test(gap) && /s$/iu.test(view.tokens[left]!.raw));
}

const QUOTE_OR_BRACKET = /["“”«»‘{}[\]]/u;
const APOSTROPHE = /['’]/u;

/** A name the lexicon knows counts this much more than an unknown capitalised word. */
const KNOWN_NAME_EVIDENCE = 2;

/** Share of a sentence's words written in capitals above which it is shouted, as licences and warnings are. */
const SHOUTED_SHARE = 0.6;
/** Fewer words than this are a heading or a label, not a shouted sentence. */
const SHOUTED_MIN_WORDS = 6;

function isShouted(view: SentenceView): boolean {
  const words = view.tokens.filter((token) => token.raw.length >= 2 && /^\p{L}+$/u.test(token.raw));
  return words.length >= SHOUTED_MIN_WORDS && words.filter((token) => ACRONYM.test(token.raw)).length >= words.length * SHOUTED_SHARE;
}

/** The span stands after "by" after a past participle: "was written by …", "developed by …". */
function isPassiveAgent(view: SentenceView, span: NameSpan): boolean {
  return /^by$/iu.test(view.tokens[span.from - 1]?.raw ?? '') && PAST_PARTICIPLE.test(view.tokens[span.from - 2]?.raw ?? '');
}

const PAST_PARTICIPLE = /^\p{Ll}+(?:ed|en|wn)$/u;

/** Every word of the span is a common English word written with a capital ("Open Source"), none in capitals ("AG"). */
function everyWordEnglish(view: SentenceView, span: NameSpan): boolean {
  for (let index = span.from; index <= span.to; index++) {
    const raw = view.tokens[index]!.raw;
    if (ACRONYM.test(raw) || !isEnglishWord(raw)) return false;
  }
  return true;
}

/** The kinds of name the lexicon gives the span's words. */
function spanKinds(view: SentenceView, span: NameSpan): Set<NameKind> {
  const kinds = new Set<NameKind>();
  for (let index = span.from; index <= span.to; index++) {
    const kind = nameKindOf(view.tokens[index]!.raw.replace(/[’']s$/u, ''));
    if (kind !== undefined) kinds.add(kind);
  }
  return kinds;
}

function isCapitalised(view: SentenceView, index: number): boolean {
  const raw = view.tokens[index]!.raw;
  if (!STARTS_UPPER_CASE.test(raw)) return false;
  // A capital that only marks the start of the sentence is no name, unless the word is a name elsewhere too.
  if (index === 0 && view.tokens[0]!.term === '') return false;
  return true;
}

/** Characters that glue a word into an identifier or an option: "--get-url", "GIT_DIR", "os.path", "<seconds>". */
const CODE_GLUE = /[-_.:/<>=$@]/;
const DOTTED_SHORTHAND = /^(?=.*\p{Ll})\p{L}(?:\.\p{L})+\.?$/u;
const PLAIN_WORD = /^\p{L}+$/u;
const TITLE_CASE = /^\p{Lu}\p{Ll}/u;

/** No word of prose comes before the token: only code, an option name or an identifier. */
function opensProse(view: SentenceView, index: number): boolean {
  for (let before = 0; before < index; before++) {
    const token = view.tokens[before]!;
    const start = token.start - view.range.start;
    const end = token.end - view.range.start;
    const glued = CODE_GLUE.test(view.text.charAt(start - 1)) || CODE_GLUE.test(view.text.charAt(end));
    if (PLAIN_WORD.test(token.raw) && !glued) return false;
  }
  return true;
}

/** The token opens the description the sentence quotes after the term it defines ("scratch⇥Contains text …"). */
function opensDescription(view: SentenceView, index: number): boolean {
  const term = view.passage.heading;
  return term !== '' && view.text.startsWith(term) && tokenize(term).length === index;
}

/** A question's abbreviation ("ICCO") and the long form the sentence gives it, if any. */
interface AskedAbbreviation {
  shortForm: string;
  longForm: string | null;
}

/** The question's words in capitals with their long forms in this sentence, read once per sentence. */
function askedAbbreviations(view: SentenceView, question: Question): AskedAbbreviation[] {
  return question.terms.filter((term) => ACRONYM.test(term.raw)).map((term) => ({ shortForm: term.raw, longForm: longFormOf(term.raw, view.text) }));
}

/**
 * The name is one the question gives by its abbreviation, so it is the question's subject, not an answer: "The
 * International Cocoa Organization (ICCO) buffer stock manager …" for "who manages the ICCO buffer stock?".
 */
function spellsAskedAbbreviation(view: SentenceView, span: NameSpan, name: string, asked: readonly AskedAbbreviation[]): boolean {
  const after = view.tokens[span.to + 1];
  // "the International Cocoa Organization, ICCO, council": the abbreviation set after the name, as an apposition.
  const abbreviatedAfter = after !== undefined && /^[\s,(]+$/u.test(textBetween(view, span.to, span.to + 1)) ? after.raw : null;
  return asked.some(
    ({ shortForm, longForm }) =>
      shortForm === abbreviatedAfter || spellsOut(shortForm, name) || (longForm !== null && (longForm.includes(name) || name.includes(longForm))),
  );
}

/**
 * "Akron, Ohio": a capitalised word the lexicon knows as no kind of name, set before a known place with a comma, is a
 * town of that place, and the two name one. Not a place before it ("Germany, France"): that is a list.
 */
function townBefore(view: SentenceView, from: number): number {
  const town = from - 1;
  if (town < 0 || !isCapitalised(view, town) || textBetween(view, town, from) !== ', ') return from;
  if (nameKindOf(view.tokens[town]!.raw) !== undefined || (town > 0 && isCapitalised(view, town - 1) && !hasPunctuationBetween(view, town - 1, town))) return from;
  return town;
}

export function extractName(view: SentenceView, question: Question, weights: TermWeights, isCommon: IsCommon): ShortAnswer | null {
  let best: ShortAnswer | null = null;
  let asked: AskedAbbreviation[] | undefined;
  let shouted: boolean | undefined;
  for (const span of nameSpans(view, question)) {
    // A one-word name found all over the corpus is its subject, not an answer.
    if (span.from === span.to && isCommon(view.tokens[span.from]!.term)) continue;
    const first = view.tokens[span.from]!;
    const words = span.to - span.from + 1;
    const text = sliceTokens(view, span.from, span.to) + markedSuffix(view, span);
    asked ??= askedAbbreviations(view, question);
    if (WHOLE_TIME.test(text) || spellsAskedAbbreviation(view, span, text, asked)) continue;
    let score = Math.max(closeness(view, span.from, question, weights), closeness(view, span.to, question, weights));
    const isAcronym = ACRONYM.test(text);
    const kinds = spanKinds(view, span);
    const isDemonym = words === 1 && kinds.has('demonym');
    // One letter names nothing: it is an initial alone, or a piece of "I/O". Nor does a dotted abbreviation with a
    // small letter ("E.g", "i.e"): initials of a name are capitals ("U.S").
    if (ONE_LETTER.test(text) || DOTTED_SHORTHAND.test(text)) continue;
    // People and places are not named with underscores, digits, slashes, inner dots, angle brackets or words run
    // together ("SQLITE_SOURCE_ID", "X11", "Meta/Reintegrate", "sqlite3.exe", a ticker's "Co <PZL>", "ErrorLogFormat"):
    // that is code.
    if ((question.kind === 'person' || question.kind === 'place') && (CODE_MARKS.test(text) || RUN_TOGETHER.test(text) || isCalled(view, span))) continue;
    if (question.kind === 'person') {
      // A capitalised common word the lexicon knows as no name ("Windows", "Chapter", "SQUASH") is no one, nor are
      // common words capitalised together ("Open Source").
      // …unless it is the agent of a passive verb ("written by Bill Joy"): common words capitalised there name someone.
      if (kinds.size === 0 && everyWordEnglish(view, span) && !(words >= 2 && isPassiveAgent(view, span))) continue;
      // …nor common words after an acronym the lexicon knows as no one ("JSON Web Tokens").
      if (kinds.size === 0 && words >= 2 && everyWordEnglish(view, { from: span.from + 1, to: span.to }) && ACRONYM.test(first.raw)) continue;
      // Nor is a name the whole corpus uses, under an English word capitalised only because it opens the sentence ("New
      // Debian users should note …").
      if (words === 2 && opensProse(view, span.from) && isEnglishWord(first.raw) && isCommon(view.tokens[span.to]!.term)) continue;
      // Nor is a word WordNet knows only as things, never as people ("Unix", an operating system).
      if (kinds.size === 0 && words === 1 && namesNoOne(first.raw)) continue;
      // Nor is a word in capitals the lexicon knows as no organisation ("XML", "SIGTTIN", and "GIL", which it knows only
      // as a given name, written so in no one's name): that is a format, a code or an acronym.
      if (isAcronym && !kinds.has('organization')) continue;
      // Nor are things an acronym counts in the plural ("UIDs", "APIs"): an organisation is one.
      if (words === 1 && ACRONYM_PLURAL.test(text)) continue;
      // In a sentence written in capitals ("IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE …") capitals name nothing.
      if (words >= 2 && (shouted ??= isShouted(view))) continue;
      // "Who" asks for a person or an organisation: never a place, a people or a month.
      if (kinds.size > 0 && [...kinds].every((kind) => kind === 'place' || kind === 'demonym' || kind === 'time')) continue;
      if (kinds.has('person') || nameKindOf(view.tokens[span.from - 1]?.raw ?? '') === 'title') score *= KNOWN_NAME_EVIDENCE;
      if (words >= 2) score *= 1.6;
      if (isAcronym || isDemonym) score *= 0.3;
    } else if (question.kind === 'place') {
      // A word WordNet knows only as no place ("Unix" of "a Unix socket") is none.
      if (kinds.size === 0 && words === 1 && namesNoPlace(first.raw)) continue;
      const before = view.tokens[span.from - 1]?.raw.toLowerCase() ?? '';
      const after = view.tokens[span.to + 1]?.raw ?? '';
      // Nor is a word in capitals ("MANPAGER", "FRISOINI": a setting's name) unless the lexicon or the sentence sets it
      // as a place: before a place noun, after "in", "at" ….
      const setAsPlace = kinds.has('place') || kinds.has('organization') || PLACE_NOUNS.test(after) || PLACE_PREPOSITIONS.has(before);
      if (!setAsPlace && words === 1 && isAcronym) continue;
      if (kinds.has('place')) score *= KNOWN_NAME_EVIDENCE;
      else if (kinds.has('person') || kinds.has('organization')) score *= 0.5;
      if (PLACE_NOUNS.test(after)) score *= 2;
      else if (PLACE_PREPOSITIONS.has(before) || /[’']s$/.test(view.tokens[span.to]!.raw)) score *= 1.3;
      if (isAcronym) score *= 0.5;
    }
    // A lone capitalised first word is usually just the start of the sentence ("Define how …"), unless possessive; so
    // is the first word after the option or identifier a description starts with ("--get-url Expand the URL …"). A word
    // written in capitals throughout is written so wherever it stands ("TIMEFMT The format of …").
    if (words === 1 && (opensProse(view, span.from) || opensDescription(view, span.from)) && TITLE_CASE.test(first.raw) && !/[’']s$/.test(first.raw)) continue;
    if (best === null || score > best.score) {
      const after = view.tokens[span.to + 1];
      const from = question.kind === 'place' && kinds.has('place') ? townBefore(view, span.from) : span.from;
      const withTown = from === span.from ? text : sliceTokens(view, from, span.to);
      const withNoun = question.kind === 'place' && after !== undefined && PLACE_NOUNS.test(after.raw) ? sliceTokens(view, from, span.to + 1) : withTown;
      const clean = withNoun.replace(/[’']s\b/g, (match, offset: number) => (offset + match.length === withNoun.length ? '' : match));
      best = { text: clean, value: clean.toLowerCase(), score, at: from };
    }
  }
  return best;
}
