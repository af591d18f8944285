import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEEDS, bodyText, expectWellFormed, inBody, linesOf, notInBody, removedWith, seed, slices } from './helpers.js';

const ALL = [
  '000_53f91090952606e1',
  '001_f1b6b5ba79f4232f',
  '002_ed0d13cddf14b3e3',
  '003_8ae3a1aae92a0510',
  '004_703cf49eaa2b6153',
];

function fileText(name: string): string {
  return readFileSync(path.join(SEEDS, `${name}.txt`), 'utf8');
}

describe('every seed', () => {
  it.each(ALL)('%s keeps the whole file as text, with well-formed body and removals', (name) => {
    const article = seed(name);
    expect(article.text).toBe(fileText(name));
    expect(article.source.id).toBe(name);
    expect(article.source.path).toBe(`seeds/${name}.txt`);
    expect(article.sha256).toMatch(/^[0-9a-f]{64}$/u);
    expect(article.headings).toEqual([]);
    expectWellFormed(article);
  });
});

describe('000: date marker, headline and a trailing video title', () => {
  const article = seed('000_53f91090952606e1');
  const headline =
    'DSNS The latest Russian attack broke another record with 550 missiles raining down on Ukraine overnight';
  const videoTitle = 'Explosions over Kyiv sky after Russia launches drone attack';

  it('reads the publication date from the leading date marker', () => {
    expect(article.source.published).toBe('2025-07-04');
    expect(removedWith(article, 'date marker')).toEqual(['date 2025-07-04']);
  });

  it('takes the headline as the title, without the date marker or the glued picture credit', () => {
    expect(article.source.title).toBe(
      'The latest Russian attack broke another record with 550 missiles raining down on Ukraine overnight',
    );
  });

  it('keeps the headline, with its sensational figure, out of the body', () => {
    expect(removedWith(article, 'headline')).toEqual([headline]);
    expect(bodyText(article)).not.toContain('550 missiles');
  });

  it('drops the short unpunctuated line after the last paragraph', () => {
    expect(notInBody(article, videoTitle)).toBe(true);
    expect(removedWith(article, 'trailing headline (video or related link)')).toEqual([videoTitle]);
  });

  it('keeps every paragraph of the article', () => {
    const prose = linesOf(fileText('000_53f91090952606e1')).filter((l) => !l.includes(headline) && l !== videoTitle);
    expect(prose).toHaveLength(2);
    for (const line of prose) expect(inBody(article, line)).toBe(true);
    expect(slices(article)).toEqual(prose);
  });

  it('knows no outlet', () => {
    expect(article.source.outlet).toBeNull();
    expect(article.source.url).toBeNull();
  });
});

describe.each(['001_f1b6b5ba79f4232f', '004_703cf49eaa2b6153'])('%s: plain article without chrome', (name) => {
  const article = seed(name);

  it('keeps every line in the body and removes nothing', () => {
    expect(slices(article)).toEqual(linesOf(fileText(name)));
    expect(article.removed).toEqual([]);
  });

  it('leaves title, date and outlet unknown rather than inventing them', () => {
    expect(article.source).toMatchObject({ title: null, published: null, outlet: null, url: null });
  });
});

describe('002: captions with picture credits, and a newsletter and comment footer', () => {
  const article = seed('002_ed0d13cddf14b3e3');
  const body = bodyText(article);

  it('takes the first line as the headline title and keeps it out of the body', () => {
    expect(article.source.title).toBe('Russia-Ukraine update: Missiles hit Kyiv hours after Trump phone call with Putin');
    expect(notInBody(article, 'Russia-Ukraine update')).toBe(true);
  });

  it('names the outlet from the footer and knows no date', () => {
    expect(article.source.outlet).toBe('Metro');
    expect(article.source.published).toBeNull();
  });

  it('keeps caption sentences that state facts', () => {
    for (const sentence of [
      'The Ukrainian air force said Moscow had launched 539 drones and 11 missiles, adding that air defence units had downed 268 drones and two missiles.',
      "Ukraine said Russia had launched 550 drones and missiles at the war-battered country overnight, as the Kremlin steps up aerial attacks and US-led peace talks stall.",
      "Firefighters work at the site of the Russian drone and missile strike, amid Russia's attack on Ukraine, in Kyiv, Ukraine July 4, 2025.",
      'Ukrainian authorities reported at least 23 people have been injured in the overnight drone attack on Kyiv.',
      'Residents descended into the metro for shelter during an air raid and a massive kamikaze drone attack on the center of the capital July 4, 2025 in Kyiv, Ukraine.',
      'Firefighters work at the site of the latest Russian drone and missile strike in Kyiv, Ukraine',
      'Women walk a dog as smoke rises over Kyiv',
    ]) {
      expect(inBody(article, sentence), sentence).toBe(true);
    }
  });

  it('cuts picture credits out of the middle and end of caption lines', () => {
    expect(body).not.toMatch(/\(Photo by|\(Picture:|Getty Images|via REUTERS/u);
    expect(removedWith(article, 'photo credit')).toEqual(
      expect.arrayContaining([
        '(Photo by OLEKSII FILIPPOV / AFP)',
        '(Photo by OLEKSII FILIPPOV/AFP via Getty Images)',
        '(Picture: via Reuters)',
        'Press service of the State Emergency Service of Ukraine in Kyiv/Handout via REUTERS',
      ]),
    );
  });

  it('drops the agency notice in capitals', () => {
    expect(removedWith(article, 'agency notice')).toEqual([
      'ATTENTION EDITORS - THIS IMAGE HAS BEEN SUPPLIED BY A THIRD PARTY. MUST NOT OBSCURE LOGO.',
    ]);
    expect(body).not.toContain('MUST NOT OBSCURE LOGO');
  });

  it('drops the contact, newsletter, social, counter and comment-form footer', () => {
    for (const line of [
      'Got a story? Get in touch with our news team by emailing us at webnews@metro.co.uk.',
      'For more stories like this',
      'Follow Metro.co.uk on Twitter and Facebook for the latest news updates.',
      'Sign up for our daily push alerts here.',
      '(Visited 1 times, 1 visits today)',
      'Leave a Reply',
      'Your email address will not be published.',
    ]) {
      expect(notInBody(article, line), line).toBe(true);
    }
    expect(removedWith(article, 'comment form')).toHaveLength(2);
  });

  it('keeps every prose paragraph, including the last one', () => {
    const paragraphs = linesOf(fileText('002_ed0d13cddf14b3e3')).filter(
      (l) => /[.”]$/u.test(l) && !/\(Photo by|\(Picture|REUTERS|^Got a story|^For more|^Follow|^Your email/u.test(l),
    );
    expect(paragraphs.length).toBeGreaterThan(10);
    for (const p of paragraphs) expect(inBody(article, p), p).toBe(true);
    expect(inBody(article, 'Ukraine’s national railway operator, Ukrzaliznytsia, said drone strikes damaged rail infrastructure in Kyiv.')).toBe(true);
    expect(inBody(article, 'According to Kyiv mayor Vitali Klitschko, 14 people were hospitalised.')).toBe(true);
  });
});

describe('003: site chrome around the article and a related-stories list after it', () => {
  const article = seed('003_8ae3a1aae92a0510');
  const text = fileText('003_8ae3a1aae92a0510');
  const related = text.slice(text.indexOf('More on Capital News'));

  it('takes the headline after the site chrome as the title', () => {
    expect(article.source.title).toBe('Kyiv hit by barrage of drone strikes as Putin rejects Trump’s truce bid');
    expect(notInBody(article, 'Kyiv hit by barrage')).toBe(true);
  });

  it('reads the date marker and the outlet named by the related-stories header', () => {
    expect(article.source.published).toBe('2025-07-04');
    expect(article.source.outlet).toBe('Capital News');
  });

  it('drops navigation, search box, section labels and the WhatsApp prompt', () => {
    for (const chrome of [
      'Connect with us',
      'Hi, what are you looking for?',
      'Published',
      'Click here to connect with us on WhatsApp',
      'In this article:',
      'Advertisement',
    ]) {
      expect(notInBody(article, chrome), chrome).toBe(true);
    }
    expect(removedWith(article, 'navigation label')).toEqual(['World']);
    expect(removedWith(article, 'comment form')).toEqual(['Comments', 'Comments']);
  });

  it('drops the whole related-stories list with its teasers and dates', () => {
    const start = text.indexOf('More on Capital News');
    expect(article.body.every((r) => r.end <= start)).toBe(true);
    for (const line of linesOf(related)) expect(notInBody(article, line), line).toBe(true);
    expect(removedWith(article, 'date line')).toContain('May 27, 2025');
  });

  it('keeps the standfirst and every paragraph of the article', () => {
    const start = text.indexOf('Moscow says war will continue');
    const end = text.indexOf('In this article:');
    const chrome = new Set(['Published', 'Click here to connect with us on WhatsApp']);
    const paragraphs = linesOf(text.slice(start, end)).filter((l) => !chrome.has(l));
    expect(paragraphs).toHaveLength(26);
    expect(slices(article)).toEqual(paragraphs);
  });
});
