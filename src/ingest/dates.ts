/** Recognising calendar dates in the forms news pages and metadata use, as ISO `YYYY-MM-DD`. */

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

const MONTH_NAME =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';

/** Source of a regular expression matching one date: ISO, `July 4, 2025`, `4 July 2025`. */
export const DATE_PATTERN = `(?:\\d{4}-\\d{2}-\\d{2}|${MONTH_NAME}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH_NAME},?\\s+\\d{4})`;

function iso(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || year < 1000) return null;
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCMonth() !== month - 1) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function monthNumber(name: string): number | undefined {
  return MONTHS[name.toLowerCase().replace('.', '').slice(0, name.toLowerCase().startsWith('sept') ? 4 : 3)];
}

/**
 * The calendar date a string starts with, as `YYYY-MM-DD`; null when it does not start with a real date.
 * Accepts `2025-07-04`, `2025-07-04T10:00:00Z`, `July 4, 2025`, `4 July 2025`, `Jul. 4 2025`.
 */
export function toIsoDate(value: string): string | null {
  const s = value.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})(?![\d])/u.exec(s);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = new RegExp(`^(${MONTH_NAME})\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'iu').exec(s);
  if (m) {
    const month = monthNumber(m[1] ?? '');
    return month ? iso(Number(m[3]), month, Number(m[2])) : null;
  }
  m = new RegExp(`^(\\d{1,2})(?:st|nd|rd|th)?\\s+(${MONTH_NAME}),?\\s+(\\d{4})\\b`, 'iu').exec(s);
  if (m) {
    const month = monthNumber(m[2] ?? '');
    return month ? iso(Number(m[3]), month, Number(m[1])) : null;
  }
  return null;
}
