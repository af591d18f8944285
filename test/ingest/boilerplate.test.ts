/** The boilerplate rules on articles shaped like other sites' pages: the rules are general, not seed-shaped. */
import { describe, expect, it } from 'vitest';
import { articleFrom, expectWellFormed, inBody, notInBody, removedWith, slices } from './helpers.js';

const PAGE = `Skip to main content
Menu
Search
Politics
City council approves new harbour budget after marathon session
By Jane Doe and John Roe, Political Editor
Published 3 hours ago
Share this article
The city council approved a harbour budget of 48 million euros on Tuesday after a session that lasted nine hours.
Councillors voted 31 to 12 in favour. (Photo: Jane Doe/City Times)
Harbour workers cheer outside the town hall on Tuesday. REUTERS/Gleb Garanich
The opposition said the plan was rushed, AP/Reuters reported.
Advertisement
Story continues below advertisement
“We will finish the new quay by 2027,” the mayor said.
Reporting by Jane Doe; Editing by John Roe
Tags: harbour, budget, council
Got a tip? Email tips@citytimes.example
Sign up for our weekly newsletter
Join the City Times WhatsApp channel on WhatsApp for updates
© 2025 City Times Media. All rights reserved.
Related Articles
Port strike ends after two weeks
Ferry prices to rise in spring
`;

describe('boilerplate rules on another site', () => {
  const article = articleFrom('city/harbour.txt', PAGE);

  it('finds the headline after navigation and section labels', () => {
    expect(article.source.title).toBe('City council approves new harbour budget after marathon session');
    expect(removedWith(article, 'site navigation')).toEqual(['Skip to main content', 'Menu', 'Search']);
    expect(removedWith(article, 'navigation label')).toEqual(['Politics']);
  });

  it('drops bylines, relative timestamps, share buttons and advertising', () => {
    expect(removedWith(article, 'byline')).toEqual(['By Jane Doe and John Roe, Political Editor']);
    expect(removedWith(article, 'date label')).toEqual(['Published 3 hours ago']);
    expect(removedWith(article, 'share and tool buttons')).toEqual(['Share this article']);
    expect(removedWith(article, 'advertisement')).toEqual(['Advertisement', 'Story continues below advertisement']);
  });

  it('cuts credits out of captions but keeps agency attributions that are part of a sentence', () => {
    expect(inBody(article, 'Councillors voted 31 to 12 in favour.')).toBe(true);
    expect(notInBody(article, '(Photo: Jane Doe/City Times)')).toBe(true);
    expect(inBody(article, 'Harbour workers cheer outside the town hall on Tuesday.')).toBe(true);
    expect(notInBody(article, 'REUTERS/Gleb Garanich')).toBe(true);
    expect(inBody(article, 'The opposition said the plan was rushed, AP/Reuters reported.')).toBe(true);
  });

  it('drops sign-offs, tags, tip lines, newsletter and channel prompts, copyright and related links', () => {
    for (const line of [
      'Reporting by Jane Doe; Editing by John Roe',
      'Tags: harbour, budget, council',
      'Got a tip? Email tips@citytimes.example',
      'Sign up for our weekly newsletter',
      'Join the City Times WhatsApp channel on WhatsApp for updates',
      '© 2025 City Times Media. All rights reserved.',
      'Related Articles',
      'Port strike ends after two weeks',
      'Ferry prices to rise in spring',
    ]) {
      expect(notInBody(article, line), line).toBe(true);
    }
  });

  it('names the outlet from the copyright line', () => {
    expect(article.source.outlet).toBe('City Times Media');
  });

  it('keeps exactly the article prose', () => {
    expect(slices(article)).toEqual([
      'The city council approved a harbour budget of 48 million euros on Tuesday after a session that lasted nine hours.',
      'Councillors voted 31 to 12 in favour.',
      'Harbour workers cheer outside the town hall on Tuesday.',
      'The opposition said the plan was rushed, AP/Reuters reported.',
      '“We will finish the new quay by 2027,” the mayor said.',
    ]);
    expectWellFormed(article);
  });
});

describe('rules that must not fire on prose', () => {
  it('keeps sentences that merely start like chrome', () => {
    const text = [
      'Harbour reopens',
      'The harbour reopened on Monday.',
      'By Monday evening, the first ferries had docked.',
      'In this story of delays, the council admits fault.',
      'Zelensky posted the figures on Telegram.',
      'Share prices rose 3% after the announcement.',
      'More on the budget will be published next week.',
      'The minister said the rules would change.',
    ].join('\n');
    const article = articleFrom('prose.txt', text);
    expect(slices(article)).toEqual(text.split('\n').slice(1));
  });

  it('does not treat a "See also" note or a "More on …" section of documentation as a related-stories list', () => {
    const text = [
      'Lists have more methods than shown so far.',
      'See also',
      'The reference manual describes every method of list objects in detail, with examples of each one.',
      'More on Lists',
      'The list data type has some more methods, and all of them are described here with their arguments.',
      'You can also use a list as a stack, where the last element added is the first element retrieved.',
    ].join('\n');
    const article = articleFrom('tutorial/lists.txt', text);
    for (const line of text.split('\n').filter((l) => l.length > 20)) expect(inBody(article, line), line).toBe(true);
  });

  it('keeps a last paragraph that lacks a final period when it does not read like a headline', () => {
    const text = 'The bridge reopened on Monday.\n\nofficials said traffic was light, and more details would follow';
    expect(slices(articleFrom('x.txt', text))).toEqual(text.split('\n\n'));
  });

  it('keeps the first line of a wrapped sentence in the body, though it names the text', () => {
    const text = 'pkg (2.5.2) unstable; urgency=medium\n\n  Installing or upgrading a binary package now upgrades other binaries from\n  the same source package if they have the same candidate version.\n';
    const article = articleFrom('pkg-news.txt', text);
    expect(article.source.title).toBe('Installing or upgrading a binary package now upgrades other binaries from');
    expect(inBody(article, 'Installing or upgrading a binary package now upgrades other binaries from')).toBe(true);
  });

  it('keeps a lone headline-like line when it is the whole file', () => {
    const article = articleFrom('x.txt', 'Harbour bridge reopens after repairs');
    expect(slices(article)).toEqual(['Harbour bridge reopens after repairs']);
    expect(article.source.title).toBeNull();
  });

  it('reads a "Published" date line before the prose as the publication date', () => {
    const article = articleFrom('x.txt', 'Harbour bridge reopens after repairs\nPublished: 18 March 2024\nThe bridge reopened on Monday.');
    expect(article.source.published).toBe('2024-03-18');
    expect(removedWith(article, 'date line')).toEqual(['Published: 18 March 2024']);
  });

  it('keeps a parenthesis that only looks like a credit', () => {
    const text = 'The stubs were added in 3.11 (credit: these were copied from another project).';
    expect(slices(articleFrom('x.txt', text))).toEqual([text]);
  });

  it('reads the outlet from a follow prompt that another rule dropped', () => {
    const text = 'The bridge reopened on Monday.\nGot a story? Follow Harbour Gazette on Instagram or email us.';
    expect(articleFrom('x.txt', text).source.outlet).toBe('Harbour Gazette');
  });

  it('reads a date marker that stands alone on the first line', () => {
    const article = articleFrom('x.txt', 'date: 2024-05-06\nThe bridge reopened on Monday.');
    expect(article.source.published).toBe('2024-05-06');
    expect(removedWith(article, 'date marker')).toEqual(['date: 2024-05-06']);
    expectWellFormed(article);
  });

  it('never invents a date from an impossible calendar date', () => {
    const article = articleFrom('x.txt', 'date 2025-02-30 The bridge reopened on Monday.');
    expect(article.source.published).toBeNull();
  });
});
