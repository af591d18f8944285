/** The baseline: a bare MiniSearch with default options (default tokenizer, no processTerm), indexing passage text only. */
export interface BareDocument {
  id: number;
  text: string;
}

export const BARE_OPTIONS = { fields: ['text'] };
