/**
 * The second wall behind seeds-folder containment: no reply (Discord, CLI, console) carries a configured secret,
 * whole or in part. Pure: the edges hand it the text they are about to send.
 */

/** A reply that holds this many consecutive characters of a secret is withheld (a cut quote may hold part of it). */
const WINDOW = 24;
/** Values shorter than this are not treated as secrets (they would match ordinary words). */
const MIN_SECRET_LENGTH = 8;

export const WITHHELD = 'Quoth withheld this text: it contains a secret from its own configuration.';

export class SecretScreen {
  private readonly needles: string[];

  constructor(secrets: readonly (string | undefined)[]) {
    const needles = new Set<string>();
    for (const secret of secrets) {
      if (secret === undefined || secret.length < MIN_SECRET_LENGTH) continue;
      if (secret.length <= WINDOW) needles.add(secret);
      else for (let start = 0; start + WINDOW <= secret.length; start++) needles.add(secret.slice(start, start + WINDOW));
    }
    this.needles = [...needles];
  }

  /** True when `text` holds a secret, or `WINDOW` consecutive characters of one. */
  leaks(text: string): boolean {
    return this.needles.some((needle) => text.includes(needle));
  }

  /** `text`, or the refusal when it leaks. */
  text(text: string): { text: string; withheld: boolean } {
    return this.leaks(text) ? { text: WITHHELD, withheld: true } : { text, withheld: false };
  }

  /** A copy of a JSON value in which every string that leaks is replaced by the refusal; `withheld` counts them. */
  json<T>(value: T): { value: T; withheld: number } {
    let withheld = 0;
    const visit = (node: unknown): unknown => {
      if (typeof node === 'string') {
        if (!this.leaks(node)) return node;
        withheld += 1;
        return WITHHELD;
      }
      if (Array.isArray(node)) return node.map(visit);
      if (node !== null && typeof node === 'object') return Object.fromEntries(Object.entries(node).map(([key, child]) => [key, visit(child)]));
      return node;
    };
    const screened = this.needles.length === 0 ? value : (visit(value) as T);
    return { value: screened, withheld };
  }
}
