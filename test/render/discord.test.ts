import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Answer, Conflict, Quote, SourceRef, SourceSummary } from '../../src/model.js';
import {
  DISCORD_LIMITS,
  corroborationLine,
  embedsLength,
  fitText,
  limitViolations,
  neutralize,
  renderAnswer,
  renderCommandError,
  renderReindexFailure,
  renderReindexReport,
  renderSourceDetails,
  renderSourcesPage,
  safeUrl,
  TITLE_MAX,
  type RenderedMessage,
} from '../../src/render/discord.js';
import type { IndexInfo } from '../../src/service.js';

const ZWSP = '\u200b';

function source(id: string, extra: Partial<SourceRef> = {}): SourceRef {
  return { id, title: `Title of ${id}`, path: `seeds/${id}.txt`, published: '2025-07-04', outlet: `Outlet ${id}`, url: null, ...extra };
}

function quote(text: string, from: SourceRef, extra: Partial<Quote> = {}): Quote {
  return { text, source: from, alsoIn: [], corroboration: 1, supportedBy: [from.id], start: 0, end: text.length, section: null, ...extra };
}

function answer(extra: Partial<Answer> = {}): Answer {
  return { question: 'How many drones did Russia launch?', status: 'answered', answer: '550 drones', quotes: [], conflicts: [], related: [], sourceCount: 5, didYouMean: null, ...extra };
}

/** Every piece of text in a message, as Discord would count it. */
function allText(message: RenderedMessage): string {
  return [
    message.content ?? '',
    ...message.embeds.flatMap((embed) => [embed.title, embed.description, embed.footer?.text, ...(embed.fields ?? []).flatMap((field) => [field.name, field.value])]),
  ]
    .filter(Boolean)
    .join('\n');
}

describe('neutralize', () => {
  it('escapes markdown so article text renders literally', () => {
    expect(neutralize('**bold** _it_ `code` ~~gone~~ ||spoiler||')).toBe('\\*\\*bold\\*\\* \\_it\\_ \\`code\\` \\~\\~gone\\~\\~ \\|\\|spoiler\\|\\|');
  });

  it('defuses @everyone, @here and every <…> mention form', () => {
    const text = neutralize('@everyone @here <@123456789012345678> <@!1> <@&2> <#3> </ask:4> <:e:5> <a:e:6> <t:1700000000:R>');
    expect(text).not.toMatch(/@everyone|@here|<[@#/:at]/);
    expect(text.replaceAll(ZWSP, '')).toBe('@everyone @here <@123456789012345678> <@!1> <@&2> <#3> </ask:4> <:e:5> <a:e:6> <t:1700000000:R>');
  });

  it('breaks bare URLs and masked links', () => {
    const text = neutralize('see [click here](https://evil.example/x) or http://evil.example');
    expect(text).not.toMatch(/https?:\/\//);
    expect(text).toContain('\\[click here](https');
  });

  it('keeps one line and stops a leading > or # from quoting or heading', () => {
    expect(neutralize('> quoted\n\n# heading')).toBe('\\> quoted # heading');
    expect(neutralize('# Breaking news')).toBe('\\# Breaking news');
  });
});

describe('fitText', () => {
  it('leaves text that fits alone and cuts long text after a whole word with "…"', () => {
    expect(fitText('Short enough.', 50)).toBe('Short enough.');
    expect(fitText('Ukraine said Russia had fired a record 550 drones', 30)).toBe('Ukraine said Russia had fired…');
  });

  it('cuts one very long word between characters rather than dropping it', () => {
    expect(fitText('a'.repeat(100), 10)).toBe(`${'a'.repeat(9)}…`);
  });

  it('never cuts inside an escape: the kept part is the escaped form of a prefix of the raw text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'b', ' ', '*', '_', '`', '~', '|', '[', ']', '(', ')', '@', '<', '>', '#', '\\', ':', '/', 'é', '😀') , maxLength: 300 }), fc.integer({ min: 1, max: 200 }), (raw, max) => {
        const result = fitText(raw, max);
        expect(result.length).toBeLessThanOrEqual(max);
        if (result === neutralize(raw)) return;
        expect(result.endsWith('…')).toBe(true);
        const kept = result.slice(0, -1);
        const chars = Array.from(raw);
        const prefixes = chars.map((_, index) => neutralize(chars.slice(0, index + 1).join('').trimEnd()));
        expect(['', ...prefixes]).toContain(kept);
      }),
      { numRuns: 300 },
    );
  });
});

describe('safeUrl', () => {
  it('accepts http(s) only and encodes parentheses that would end a markdown link', () => {
    expect(safeUrl('https://example.com/a_(b)')).toBe('https://example.com/a_%28b%29');
    expect(safeUrl('javascript:alert(1)')).toBeNull();
    expect(safeUrl('not a url')).toBeNull();
    expect(safeUrl(`https://example.com/${'x'.repeat(600)}`)).toBeNull();
  });
});

describe('renderAnswer', () => {
  const reuters = source('002_reuters', { title: 'Missiles hit Kyiv', outlet: 'Reuters', published: '2025-07-04', url: 'https://example.com/kyiv' });
  const metro = source('003_metro', { title: 'Kyiv hit', outlet: 'Metro', published: null });
  const bbc = source('000_bbc', { title: 'Record attack', outlet: 'BBC' });

  it('puts the short answer first, then each quote directly above its source line (title · outlet · date, linked) and corroboration', () => {
    const rendered = renderAnswer(
      answer({
        quotes: [
          quote('Ukraine said Russia had fired a record 550 drones and 11 missiles.', reuters, { alsoIn: [metro, bbc], corroboration: 3 }),
          quote('Ukraine’s air force reported that Russia launched 550 drones.', bbc),
        ],
      }),
    );
    const [embed] = rendered.embeds;
    expect(embed?.title).toBe('How many drones did Russia launch?');
    expect(embed?.description).toBe(
      [
        '**550 drones**',
        '',
        '> Ukraine said Russia had fired a record 550 drones and 11 missiles.',
        '**[1]** [Missiles hit Kyiv](https://example.com/kyiv) · Reuters · 2025-07-04',
        'Reported by 3 of 5 sources; also Metro, BBC (2025-07-04).',
        '',
        '> Ukraine’s air force reported that Russia launched 550 drones.',
        '**[2]** Record attack · BBC · 2025-07-04',
        'Reported by 1 of 5 sources.',
      ].join('\n'),
    );
    // No side-by-side fields: on a phone they stack far from their quote.
    expect(embed?.fields).toBeUndefined();
    // The embed's timestamp is the first quote's publication date, and the footer says so.
    expect(embed?.timestamp).toBe('2025-07-04T00:00:00.000Z');
    expect(embed?.footer?.text).toBe('Quoth · verbatim quotes from 5 indexed sources · no AI-written text · [1] published');
    expect(rendered.embeds).toHaveLength(1);
  });

  it('names the section a quote stands under after the title, shortened and escaped', () => {
    const manual = source('bashref', { title: 'Bash Reference Manual', outlet: null, published: null, url: 'https://example.com/bashref' });
    const [embed] = renderAnswer(
      answer({
        quotes: [
          quote('The default value is 500.', manual, { section: 'keyseq-timeout' }),
          quote('Readline waits for the rest of an ambiguous key sequence.', manual, { section: `*${'very long heading '.repeat(6)}*` }),
        ],
      }),
    ).embeds;
    const sourceLines = embed?.description?.split('\n').filter((line) => line.startsWith('**[')) ?? [];
    expect(sourceLines[0]).toBe('**[1]** [Bash Reference Manual](https://example.com/bashref) › keyseq-timeout');
    expect(sourceLines[1]).toBe('**[2]** [Bash Reference Manual](https://example.com/bashref) › \\*very long heading very long heading very long…');
  });

  it('shortens a long title with "…" and leaves out the timestamp when the date is unknown', () => {
    const long = source('long', {
      title: 'Russia launches its largest combined drone and missile attack on Ukraine since the start of the full-scale war, officials say',
      outlet: 'Capital News',
      published: null,
    });
    const [embed] = renderAnswer(answer({ quotes: [quote('Russia fired 550 drones.', long)] })).embeds;
    const sourceLine = embed?.description?.split('\n').find((line) => line.startsWith('**[1]**')) ?? '';
    expect(sourceLine).toBe('**[1]** Russia launches its largest combined drone and missile attack on… · Capital News');
    expect(sourceLine.length - '**[1]** '.length - ' · Capital News'.length).toBeLessThanOrEqual(TITLE_MAX);
    expect(embed?.timestamp).toBeUndefined();
    expect(embed?.footer?.text).not.toContain('[1] published');
  });

  it('shows each conflicting value with its quote and its sources side by side, never picking one', () => {
    const conflict: Conflict = {
      about: 'drones launched',
      values: [
        { value: '550', sources: ['000_bbc', '002_reuters'], refs: [bbc, reuters], quote: { text: 'Russia fired 550 drones.', sourceId: '000_bbc' } },
        { value: '539', sources: ['003_metro'], refs: [metro], quote: { text: 'Moscow had launched 539 drones.', sourceId: '003_metro' } },
      ],
    };
    const rendered = renderAnswer(answer({ quotes: [quote('Russia fired 550 drones.', bbc)], conflicts: [conflict] }));
    expect(rendered.embeds[0]?.description).toContain('The sources disagree');
    const embed = rendered.embeds[1];
    expect(embed?.title).toBe('Sources disagree: drones launched');
    expect(embed?.fields).toEqual([
      { name: '550', value: '> Russia fired 550 drones.\n— Record attack\nStated by 2 sources: BBC (2025-07-04), Reuters (2025-07-04)', inline: true },
      { name: '539', value: '> Moscow had launched 539 drones.\n— Kyiv hit\nStated by 1 source: Metro', inline: true },
    ]);
  });

  it('names by title the conflicting pages of one site, which share its outlet', () => {
    const reference = source('reference', { title: 'Configuration Reference', outlet: 'Internet Systems Consortium', published: null });
    const manual = source('manpages', { title: 'Manual Pages', outlet: 'Internet Systems Consortium', published: null });
    const conflict: Conflict = {
      about: 'port',
      values: [
        { value: '53', sources: ['reference', 'manpages'], refs: [reference, manual], quote: { text: 'The default is 53.', sourceId: 'reference' } },
        { value: '953', sources: ['manpages'], refs: [manual], quote: { text: 'The default is 953.', sourceId: 'manpages' } },
      ],
    };
    const rendered = renderAnswer(answer({ quotes: [quote('The default is 953.', manual)], conflicts: [conflict] }));
    expect(rendered.embeds[1]?.fields?.[0]?.value).toContain('Stated by 2 sources: Configuration Reference, Manual Pages');
    expect(rendered.embeds[1]?.fields?.[1]?.value).toContain('Stated by 1 source: Internet Systems Consortium');
  });

  it('names conflicting sources from the index when a value carries only ids', () => {
    const conflict: Conflict = {
      about: 'drones launched',
      values: [{ value: '539', sources: ['003_metro'], refs: [], quote: { text: 'Moscow had launched 539 drones.', sourceId: '003_metro' } }],
    };
    const sources = new Map([[metro.id, metro]]);
    const rendered = renderAnswer(answer({ quotes: [quote('Russia fired 550 drones.', bbc)], conflicts: [conflict] }), { sources });
    expect(rendered.embeds[1]?.fields?.[0]?.value).toBe('> Moscow had launched 539 drones.\n— Kyiv hit\nStated by 1 source: Metro');
  });

  it('says "No answer" plainly and labels related passages as related reading, each above its source', () => {
    const rendered = renderAnswer(
      answer({ question: 'What is the capital of France?', status: 'no_answer', answer: null, related: [quote('Smoke hung over the capital.', bbc)] }),
    );
    const [embed] = rendered.embeds;
    expect(embed?.description).toBe(
      '**No answer.** None of the 5 indexed sources answers this question.\n\n**Related reading** — close to your question, but *not* an answer:\n\n> Smoke hung over the capital.\n**[1]** Record attack · BBC · 2025-07-04',
    );
    expect(embed?.description).not.toContain('Reported by');
  });

  it('names a copy of the quoted page under another file name by its id, not by the title they share', () => {
    const copy = source('ch44', { title: 'Record attack', outlet: 'BBC' });
    const rendered = renderAnswer(answer({ quotes: [quote('Smoke hung over the capital.', bbc, { alsoIn: [copy], corroboration: 1 })] }));
    expect(rendered.embeds[0]?.description).toContain('; also ch44 (2025-07-04).');
  });

  it('says "No answer" of a single indexed source in the singular', () => {
    const rendered = renderAnswer(answer({ question: 'Who built it?', status: 'no_answer', answer: null, sourceCount: 1 }));
    expect(rendered.embeds[0]?.description).toBe('**No answer.** The only indexed source does not answer this question.');
  });

  it('names the other sources that print a related passage alike, under it', () => {
    const rendered = renderAnswer(
      answer({ question: 'What is the capital of France?', status: 'no_answer', answer: null, related: [quote('Smoke hung over the capital.', bbc, { alsoIn: [metro] })] }),
    );
    expect(rendered.embeds[0]?.description).toContain('> Smoke hung over the capital.\n**[1]** Record attack · BBC · 2025-07-04\nalso Metro.');
  });

  it('escapes article text: no markdown, links or mentions survive from a quote, title or outlet', () => {
    const evil = source('evil', { title: '**Click** [here](https://evil.example)', outlet: '@everyone', url: null });
    const rendered = renderAnswer(
      answer({ answer: '<@&1>', quotes: [quote('@here see https://evil.example and [x](https://evil.example) <@123> **now**', evil)] }),
    );
    const text = allText(rendered);
    expect(text).not.toMatch(/@everyone|@here|<@|https:\/\/evil/);
    expect(text).toContain('\\*\\*now\\*\\*');
  });

  it('cuts a long quote at a word with "…" and keeps the block quote and its source line intact', () => {
    const long = `${'The air force said the attack was the largest of the war so far. '.repeat(30)}End.`;
    const rendered = renderAnswer(answer({ quotes: [quote(long, bbc)] }));
    const line = rendered.embeds[0]?.description?.split('\n').find((entry) => entry.startsWith('> '));
    expect(line).toMatch(/^> The air force said .+[a-z.]…$/);
    const lines = rendered.embeds[0]?.description?.split('\n') ?? [];
    expect(lines[lines.indexOf(line ?? '') + 1]).toBe('**[1]** Record attack · BBC · 2025-07-04');
    expect(limitViolations(rendered)).toEqual([]);
  });

  const text = (max: number) => fc.string({ unit: fc.constantFrom('a', 'b', ' ', '*', '_', '@', '<', '>', '[', ']', '(', ')', ':', '/', '#', '\n', 'é', 'everyone'), maxLength: max });
  const sourceArb = fc.record({
    id: fc.string({ minLength: 1, maxLength: 120 }),
    title: fc.option(text(600), { nil: null }),
    path: fc.string({ maxLength: 200 }),
    published: fc.option(fc.constant('2025-07-04'), { nil: null }),
    outlet: fc.option(text(300), { nil: null }),
    url: fc.option(fc.webUrl({ withQueryParameters: true, withFragments: true }), { nil: null }),
  });
  const quoteArb = fc.record({
    text: text(3000),
    source: sourceArb,
    alsoIn: fc.array(sourceArb, { maxLength: 30 }),
    corroboration: fc.integer({ min: 0, max: 40 }),
    supportedBy: fc.constant([] as string[]),
    start: fc.constant(0),
    end: fc.constant(0),
    section: fc.option(text(400), { nil: null }),
  });
  const conflictArb = fc.record({
    about: text(500),
    values: fc.array(
      fc.record({
        value: text(400),
        sources: fc.array(fc.string({ maxLength: 40 }), { maxLength: 40 }),
        refs: fc.array(sourceArb, { maxLength: 40 }),
        quote: fc.record({ text: text(2000), sourceId: fc.string({ maxLength: 40 }) }),
      }),
      { maxLength: 12 },
    ),
  });
  const answerArb = fc.record({
    question: text(300),
    status: fc.constantFrom('answered' as const, 'no_answer' as const),
    answer: fc.option(text(500), { nil: null }),
    quotes: fc.array(quoteArb, { maxLength: 5 }),
    conflicts: fc.array(conflictArb, { maxLength: 5 }),
    related: fc.array(quoteArb, { maxLength: 5 }),
    sourceCount: fc.integer({ min: 0, max: 10_000 }),
    didYouMean: fc.option(text(300), { nil: null }),
  });

  it('stays inside every Discord limit for any answer, however long or hostile', () => {
    fc.assert(
      fc.property(answerArb, (generated) => {
        const rendered = renderAnswer(generated);
        expect(limitViolations(rendered)).toEqual([]);
        expect(embedsLength(rendered.embeds)).toBeLessThanOrEqual(DISCORD_LIMITS.embedsTotal);
        expect(rendered.embeds.length).toBeGreaterThan(0);
        // Nothing from the article text pings or links.
        const plain = allText(rendered).replace(/\]\(https?:\/\/[^)\s]+\)/g, '](link)');
        expect(plain).not.toMatch(/@everyone|@here|<@|https?:\/\//);
      }),
      { numRuns: 200 },
    );
  });
});

describe('corroborationLine', () => {
  it('reads "Reported by N of M sources", and never claims more sources than are indexed', () => {
    expect(corroborationLine(quote('x', source('a'), { corroboration: 4 }), 5)).toBe('Reported by 4 of 5 sources');
    expect(corroborationLine(quote('x', source('a'), { corroboration: 0 }), 5)).toBe('Reported by 1 of 5 sources');
    expect(corroborationLine(quote('x', source('a')), 1)).toBe('Reported by the only indexed source');
  });
});

describe('renderSourcesPage', () => {
  const summaries: SourceSummary[] = Array.from({ length: 23 }, (_, index) => ({
    source: source(`s${String(index).padStart(2, '0')}`, { title: index === 3 ? 'x'.repeat(900) : `Article ${index}`, url: index === 0 ? 'https://example.com/a' : null }),
    passages: index + 1,
  }));
  const info: IndexInfo = { builtAt: '2025-07-05T10:00:00.000Z', sources: summaries, passages: 276, skipped: [{ path: 'seeds/bad.pdf', reason: 'unsupported' }] };

  it('shows ten sources a page with title, outlet, date and passage count, and the build time', () => {
    const page = renderSourcesPage(info, 0);
    expect(page.pageCount).toBe(3);
    expect(page.embed.title).toBe('Indexed sources (23)');
    expect(page.embed.description?.split('\n\n')[0]).toBe('**1.** [Article 0](https://example.com/a)\nOutlet s00 · 2025-07-04 · 1 passage · `s00`');
    expect(page.embed.footer?.text).toBe('Page 1 of 3 · 276 passages · index built 2025-07-05T10:00:00.000Z');
    expect(limitViolations({ embeds: [page.embed] })).toEqual([]);
  });

  it('clamps the page and mentions skipped files', () => {
    const last = renderSourcesPage(info, 99);
    expect(last.page).toBe(2);
    expect(last.embed.description).toContain('**21.** Article 20');
    expect(last.embed.description).toMatch(/1 file was skipped/);
    expect(renderSourcesPage({ ...info, sources: [] }, 0).embed.description).toMatch(/^Nothing is indexed yet/);
  });

  it('renders one source in detail', () => {
    const detail = renderSourceDetails(summaries[0] as SourceSummary, info);
    expect(detail).toMatchObject({ title: 'Article 0', url: 'https://example.com/a' });
    expect(detail.fields).toContainEqual({ name: 'Passages', value: '1', inline: true });
  });
});

describe('renderReindexReport', () => {
  it('lists added, changed, removed and skipped with reasons, passages and time', () => {
    const rendered = renderReindexReport({
      added: ['new-park'],
      changed: ['bakery'],
      removed: [],
      unchanged: 10,
      skipped: [{ path: 'seeds/scan.pdf', reason: 'unsupported file type' }],
      passages: 57,
      durationMs: 1234,
      builtAt: '2025-07-05T10:00:00.000Z',
    });
    const [embed] = rendered.embeds;
    expect(embed?.description).toBe('2 sources changed.\n57 passages · built in 1.2 s · now serving the new index.');
    expect(embed?.fields).toEqual([
      { name: 'Added (1)', value: 'new-park', inline: false },
      { name: 'Changed (1)', value: 'bakery', inline: false },
      { name: 'Removed (0)', value: 'none', inline: false },
      { name: 'Unchanged', value: '10', inline: true },
      { name: 'Skipped (1)', value: 'seeds/scan.pdf — unsupported file type', inline: false },
    ]);
  });

  it('says how many files an incremental reindex read and how many passages came and went', () => {
    const rendered = renderReindexReport({
      added: ['new-park'],
      changed: ['bakery'],
      removed: [],
      unchanged: 10,
      skipped: [],
      passages: 57,
      durationMs: 80,
      builtAt: '2025-07-05T10:00:00.000Z',
      filesRead: 2,
      passageChanges: { added: 14, removed: 3 },
    });
    expect(rendered.embeds[0]?.description).toBe(
      '2 sources changed.\n57 passages · built in 80 ms · now serving the new index.\nRead 2 files (the 10 unchanged were reused) · +14 / −3 passages',
    );
  });

  it('summarises long lists with "and N more" inside the field limit', () => {
    const many = Array.from({ length: 400 }, (_, index) => `source-number-${index}`);
    const rendered = renderReindexReport({ added: many, changed: [], removed: many, unchanged: 0, skipped: [], passages: 1, durationMs: 5, builtAt: 'now' });
    expect(rendered.embeds[0]?.fields?.[0]?.value).toMatch(/ and \d+ more$/);
    expect(limitViolations(rendered)).toEqual([]);
  });

  it('explains a failed rebuild and that the old index still serves', () => {
    expect(renderReindexFailure('seeds folder not found').embeds[0]?.description).toBe(
      'seeds folder not found\n\nThe previous index is still answering questions.',
    );
  });
});

describe('renderCommandError', () => {
  it('is short and carries the error id', () => {
    const { content } = renderCommandError('deadbeef');
    expect(content).toContain('`deadbeef`');
    expect(content?.length).toBeLessThan(200);
  });
});
