/** A large, deterministic plain-text article of short news-like sentences, for stall and memory measurements. */
const WORDS = (
  'the army said drones missiles city mayor people injured attack night region power station river bridge ' +
  'officials reported according president minister railway hospital school district council'
).split(' ');

export function largeArticle(characters: number): string {
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < characters; i++) {
    const words = Array.from({ length: 8 + (i % 12) }, (_, k) => WORDS[(i * 7 + k * 13) % WORDS.length]!);
    const sentence = `${words.join(' ').replace(/^./u, (first) => first.toUpperCase())} ${i % 97} people.${i % 5 === 4 ? '\n\n' : ' '}`;
    parts.push(sentence);
    length += sentence.length;
  }
  return parts.join('');
}
