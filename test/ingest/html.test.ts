import { describe, expect, it } from 'vitest';
import { articleFrom, bodyText, expectWellFormed, fixture, inBody, notInBody, removedWith } from './helpers.js';
import { toPassages } from '../../src/passages.js';

describe('HTML news page', () => {
  const article = fixture('news-page.html');

  it('reads title, outlet, date and canonical URL from the page', () => {
    expect(article.source).toMatchObject({
      id: 'news-page',
      title: 'Harbour bridge reopens after repairs',
      outlet: 'The Daily Example',
      published: '2024-03-18',
      url: 'https://news.example.com/local/harbour-bridge-reopens',
    });
  });

  it('leaves scripts, navigation, header, cookie banner, share tools, asides, comments and footer out of the text', () => {
    for (const chrome of [
      'dataLayer',
      'color: #333',
      'Skip to content',
      'Sport',
      'We use cookies',
      'By Ana Lima',
      'Share on Facebook',
      'Related stories',
      'Council approves bridge budget',
      'Comments',
      'All rights reserved',
      'Most read',
    ]) {
      expect(article.text, chrome).not.toContain(chrome);
    }
  });

  it('joins inline elements without extra spaces and decodes entities, keeping typographic characters', () => {
    expect(inBody(article, 'after eight months of repairs costing £12.5\u00a0million, the city council said.')).toBe(true);
    expect(inBody(article, '“It’s a relief,” said Maria O\'Neill, who drives across it every day.')).toBe(true);
    expect(inBody(article, 'finished two weeks ahead of schedule.')).toBe(true);
  });

  it('separates paragraphs with blank lines', () => {
    expect(article.text).toContain('the city council said.\n\nCars cross the bridge');
  });

  it('applies the phrase rules to what sits in plain paragraphs', () => {
    expect(removedWith(article, 'photo credit')).toEqual(['(Photo by Ana Lima/Example Photos)']);
    expect(removedWith(article, 'advertisement')).toEqual(['Advertisement']);
    expect(removedWith(article, 'social footer')).toEqual(['Follow The Daily Example on Twitter for the latest local news.']);
    expect(inBody(article, 'Cars cross the bridge on Monday morning.')).toBe(true);
  });

  it('keeps every paragraph of the article', () => {
    expect(bodyText(article).split('\n')).toHaveLength(4);
    expectWellFormed(article);
  });
});

describe('HTML documentation page', () => {
  const article = fixture('docs-page.html');

  it('keeps only the main content, without sidebar, related bar, search or footer', () => {
    for (const chrome of ['Navigation', 'Table of Contents', 'Quick search', 'modules', 'Copyright']) {
      expect(article.text, chrome).not.toContain(chrome);
    }
    expect(article.text.startsWith('queue — A synchronized queue class')).toBe(true);
  });

  it('takes the first h1 as the title, without its permalink sign', () => {
    expect(article.source.title).toBe('queue — A synchronized queue class');
    expect(article.text).not.toContain('¶');
    expect(article.source.url).toBe('https://docs.example.org/3/library/queue.html');
    expect(article.source.published).toBeNull();
  });

  it('takes the <title> as the title of a page whose h1s are its numbered sections', () => {
    const prose = '<p>The VACUUM command rebuilds the database file, repacking it into a minimal amount of disk space.</p>';
    const page = `<html><head><title>VACUUM</title></head><body><h1>1. Syntax</h1>${prose}<h1>2. Description</h1>${prose}</body></html>`;
    expect(articleFrom('lang_vacuum.html', page).source.title).toBe('VACUUM');
  });

  it('takes the <title> as the title of a page that heads a section with it below an h1 saying something else (the site\'s name)', () => {
    const page =
      '<html><head><title>XSLT</title></head><body><h1>The XML C parser and toolkit of Gnome</h1><h2>XSLT</h2>' +
      '<p>Check the separate libxslt page for the XSLT implementation built on top of libxml2.</p></body></html>';
    expect(articleFrom('XSLT.html', page).source.title).toBe('XSLT');
  });

  it("reads an h1 that only links to the site's home page as the site's banner, not the page's title", () => {
    const prose = '<p>Access control lists decide which messages are accepted, and the rules are applied in order.</p>';
    const banner = (href: string): string =>
      `<html><head><title>44. Access control lists</title></head><body><h1 id="header"><a href="${href}">Exim Internet Mailer</a></h1>` +
      `<h2><a href="ch-acl.html">Chapter 44 - Access control lists</a></h2>${prose}</body></html>`;
    for (const home of ['http://www.exim.org', 'https://www.exim.org/', '/', 'index.html', '../index.html']) {
      expect(articleFrom('ch-acl.html', banner(home)).source.title).toBe('44. Access control lists');
    }
    // A post's heading that links to the post itself is its title.
    const post = `<html><head><title>Blog</title></head><body><h1><a href="/2024/03/water-rates.html">Water rates rise</a></h1>${prose}</body></html>`;
    expect(articleFrom('water-rates.html', post).source.title).toBe('Water rates rise');
  });

  it('skips a page that is nearly all links (an index or site map), and keeps a page with a few', () => {
    const links = Array.from({ length: 40 }, (_, i) => `<li><a href="page${i}.html">Function number ${i}</a></li>`).join('');
    expect(() => articleFrom('genindex.html', `<h1>Index</h1><ul>${links}</ul>`)).toThrow(/a page of links/);
    const prose = '<p>The VACUUM command rebuilds the database file, repacking it into a minimal amount of disk space.</p>';
    expect(articleFrom('vacuum.html', `<h1>VACUUM</h1>${prose}<p>See <a href="pragma.html">PRAGMA</a>.</p>`).text).toContain('rebuilds');
  });

  it('drops a heading permalink whatever its mark, and keeps links with words', () => {
    const page = articleFrom(
      'api/process.html',
      '<h1>Process</h1><h3><code>process.nextTick(callback)</code><span><a class="mark" href="#processnexttick">#</a></span></h3>' +
        '<p>Adds callback to the queue. See <a href="#processnexttick">nextTick</a>.</p>',
    );
    expect(page.headings.map((heading) => heading.title)).toEqual(['Process', 'process.nextTick(callback)']);
    expect(page.text).toContain('See nextTick.');
  });

  it('drops a paragraph of links to the pages around it (Texinfo\'s "Next: …, Up: …"), and keeps prose that links with rel', () => {
    const page = articleFrom(
      'bashref.html',
      '<h1>Bash Features</h1><div class="header"><p>Next: <a href="#Intro" accesskey="n" rel="next">Introduction</a>, Up: <a href="#Top" rel="up">(dir)</a> &nbsp; ' +
        '[<a href="#Contents" rel="contents">Contents</a>][<a href="#Index" rel="index">Index</a>]</p></div>' +
        '<p>This text is a brief description of the shell. The <a href="#Intro" rel="next">next chapter</a> introduces it.</p>',
    );
    expect(page.text).not.toContain('Next:');
    expect(page.text).not.toContain('Contents');
    expect(page.text).toContain('The next chapter introduces it.');
  });

  it('keeps a page laid out in one table whose text is mostly links, when the table holds its headings (libxml2\'s API pages)', () => {
    const signature = (name: string): string =>
      `<h3>Function: ${name}</h3><pre><a href="t.html#xmlDocPtr">xmlDocPtr</a>\t${name}\t(<a href="t.html#xmlChar">const xmlChar</a> * <a href="t.html#URL">URL</a>, <a href="t.html#xmlParserCtxtPtr">xmlParserCtxtPtr</a> ctxt)</pre>`;
    const page = articleFrom(
      'libxml-parser.html',
      '<html><head><title>Module parser from libxml2</title></head><body><table><tr><td><a href="prev.html" accesskey="p">Prev</a> <a href="next.html" accesskey="n">Next</a></td></tr>' +
        `<tr><td>${signature('xmlParseFile')}<p>parse an XML file and build a tree.</p>${signature('xmlReadFile')}${signature('xmlReadDoc')}${signature('xmlReadMemory')}</td></tr></table></body></html>`,
    );
    expect(page.text).toContain('parse an XML file and build a tree.');
  });

  it('drops a list of links with keyboard shortcuts (DocBook\'s "Prev / Up / Home / Next"), and keeps a list of links without', () => {
    const page = articleFrom(
      'sect.dist-upgrade.html',
      '<h1>6.7. Handling Problems after an Upgrade</h1><p>Files not owned by any package are rare.</p>' +
        '<ul class="docnav"><li class="previous"><a accesskey="p" href="sect.package-authentication.html"><strong>Prev</strong>6.6. Checking Package Authenticity</a></li>' +
        '<li class="up"><a accesskey="u" href="#"><strong>Up</strong></a></li><li class="home"><a accesskey="h" href="index.html"><strong>Home</strong></a></li>' +
        '<li class="next"><a accesskey="n" href="sect.regular-upgrades.html"><strong>Next</strong>6.8. Keeping a System Up to Date</a></li></ul>' +
        '<ul><li><a href="apt.html">apt</a></li><li><a href="dpkg.html">dpkg</a></li></ul>',
    );
    expect(page.text).not.toContain('Checking Package Authenticity');
    expect(page.text).not.toContain('Home');
    expect(page.text).toContain('Files not owned by any package are rare.');
    expect(page.text).toContain('dpkg');
  });

  it('drops a book\'s index (a definition list whose every description is only links to where its term is treated), and keeps a glossary', () => {
    const entry = (term: string, description: string): string => `<dt>${term}</dt><dd><p>${description}</p></dd>`;
    const link = (href: string, text: string): string => `<a href="${href}">${text}<small> [Options]</small></a>`;
    const page = articleFrom(
      'ch-option_index.html',
      '<h2>Chapter 64 - Option Index</h2><dl>' +
        entry('connect_timeout', link('ch-smtp.html#a', 'The smtp transport')) +
        entry('smtp_accept_max', `${link('ch-main.html#b', 'Main configuration')}, ${link('ch-smtp.html#c', 'SMTP processing')}`) +
        `<dt>timeout</dt><dd><p>${link('ch-iplookup.html#d', 'The iplookup router')}</p><dl>${entry('in dnslookup router', link('ch-dnslookup.html#e', 'The dnslookup router'))}</dl></dd>` +
        '</dl><h2>Glossary</h2><dl>' +
        entry('spool', 'The directory where messages wait, see ' + link('ch-spool.html', 'Format of spool files') + '.') +
        entry('router', link('ch-routers.html', 'Routers') + ' decide where a message goes.') +
        entry('transport', 'Transports ' + link('ch-transports.html', 'deliver') + ' it.') +
        '</dl><h2>Backends</h2><dl>' +
        entry('Git (git)', '<a href="https://git-scm.com/">https://git-scm.com/</a>') +
        entry('Mercurial (hg)', '<a href="https://www.mercurial-scm.org/">https://www.mercurial-scm.org/</a>') +
        entry('Fossil (fossil)', '<a href="https://fossil-scm.org/">https://fossil-scm.org/</a>') +
        '</dl>',
    );
    expect(page.text).toContain('https://fossil-scm.org/');
    expect(page.text).not.toContain('connect_timeout');
    expect(page.text).not.toContain('SMTP processing');
    expect(page.text).not.toContain('in dnslookup router');
    expect(page.text).toContain('The directory where messages wait');
    expect(page.text).toContain('decide where a message goes.');
  });

  it('drops an index whose terms hold only subentries or point elsewhere with "see", as Exim\'s concept index does', () => {
    const entry = (term: string, description: string): string => `<dt>${term}</dt><dd>${description}</dd>`;
    const link = (href: string, text: string): string => `<p><a href="${href}">${text}<small> [ACL conditions]</small></a></p>`;
    const page = articleFrom(
      'ch-concept_index.html',
      '<h2>Chapter 63 - Concept Index</h2><dl>' +
        entry('acl', `<dl>${entry('call from expansion', link('ch-string.html#a', 'String expansions'))}${entry('expansion condition', link('ch-string.html#b', 'String expansions'))}</dl>`) +
        entry('acl ACL condition', link('ch-acl.html#c', 'Access control lists')) +
        entry('ATRN', '<p>see “ODMR”</p>') +
        entry('line length', `<p>see also “limit”</p><dl>${entry('in headers', link('ch-main.html#d', 'Main configuration'))}</dl>`) +
        '</dl><h2>Glossary</h2><dl>' +
        entry('spool', '<p>The directory where messages wait.</p>') +
        entry('router', '<p>Routers decide where a message goes.</p>') +
        entry('queue', '<p>See the spool: the messages waiting there.</p>') +
        '</dl>',
    );
    for (const indexed of ['call from expansion', 'acl ACL condition', 'ODMR', 'in headers']) expect(page.text).not.toContain(indexed);
    expect(page.text).toContain('Routers decide where a message goes.');
    expect(page.text).toContain('See the spool: the messages waiting there.');
  });

  it("drops an index written as nested lists, a term over its links, as Sphinx's newer genindex is", () => {
    const item = (term: string, ...where: string[]): string =>
      `<li>${term}<ul>${where.map((page) => `<li><a href="manpages.html#${page}">${page} command line option</a></li>`).join('')}</ul></li>`;
    const page = articleFrom(
      'genindex.html',
      '<h1>Index</h1><h2>Symbols</h2><table class="indextable"><tr><td><ul>' +
        '<li><a href="chapter3.html#term-0"><strong>$TTL</strong></a></li>' +
        item('+aaflag', 'dig', 'mdig') +
        item('+additional', 'dig', 'mdig') +
        item('+all', 'delv', 'dig') +
        '</ul></td></tr></table><h2>Options</h2><ul><li>+short prints only the answer.</li><li>+trace follows delegations.</li><li>+all sets every flag.</li></ul>',
    );
    expect(page.text).not.toContain('+aaflag');
    expect(page.text).not.toContain('mdig command line option');
    expect(page.text).toContain('+short prints only the answer.');
  });

  it('drops a list whose every item is one link and nothing else (a menu), and keeps a list that says something of its links', () => {
    const page = articleFrom(
      'FAQ.html',
      '<table><tr><td><ul><li><a href="index.html">Main Menu</a></li><li><a href="docs.html">Developer Menu</a></li><li><a href="http://example.org/bugs">Bug Tracker</a></li>' +
        '<li><a href="http://example.org/lxml">lxml Python bindings</a></li></ul></td><td><h1>FAQ</h1><p>Is there C++ bindings? Yes, for example xmlwrapp.</p>' +
        '<ul><li><a href="os.html">os</a> — operating system interfaces</li><li><a href="sys.html">sys</a> — system parameters</li><li><a href="io.html">io</a> — streams</li></ul></td></tr></table>',
    );
    expect(page.text).not.toContain('Developer Menu');
    expect(page.text).not.toContain('lxml Python bindings');
    expect(page.text).toContain('Yes, for example xmlwrapp.');
    expect(page.text).toContain('operating system interfaces');
  });

  it('drops a breadcrumb trail and a bar of languages (links with only separators between them), and keeps a sentence that lists links', () => {
    const page = articleFrom(
      'configuring.html',
      '<div id="path"><a href="/">Apache</a> &gt; <a href="/httpd/">HTTP Server</a> &gt; <a href="/docs/">Documentation</a></div>' +
        '<h1>Configuration Files</h1><p><span>Available Languages: </span><a href="../de/c.html">&nbsp;de&nbsp;</a> |\n<a href="../en/c.html">&nbsp;en&nbsp;</a></p>' +
        '<p>The server reads <a href="a.html">apache2.conf</a>, <a href="p.html">ports.conf</a> and <a href="e.html">envvars</a> at start-up.</p>',
    );
    expect(page.text).not.toContain('Documentation');
    expect(page.text).not.toContain('Available Languages');
    expect(page.text).toContain('The server reads apache2.conf, ports.conf and envvars at start-up.');
  });

  it('names the outlet from the copyright footer', () => {
    expect(article.source.outlet).toBe('Example Software Foundation');
  });

  it('records each heading with the text it governs until the next heading of the same or higher level', () => {
    const governed = article.headings.map((h) => ({
      title: h.title,
      text: article.text.slice(h.range.start, h.range.end),
    }));
    expect(governed.map((h) => h.title)).toEqual([
      'queue — A synchronized queue class',
      'Queue Objects',
      'Queue.qsize()',
      'SimpleQueue Objects',
      'Reentrancy',
    ]);
    const [module, queueObjects, qsize, simpleQueue, reentrancy] = governed;
    expect(qsize?.text).toMatch(/^Queue.qsize\(\)\n\nReturn the approximate size of the queue.\n\nimport queue/);
    expect(module?.text.endsWith('may be called from a signal handler.')).toBe(true);
    expect(queueObjects?.text).toContain('Return the approximate size of the queue.');
    expect(queueObjects?.text).not.toContain('SimpleQueue');
    expect(simpleQueue?.text).toContain('SimpleQueue is reentrant');
    expect(reentrancy?.text).toBe('Reentrancy\n\nSimpleQueue is reentrant: put() may be called from a signal handler.');
  });

  it('keeps headings out of the body', () => {
    expect(removedWith(article, 'heading')).toHaveLength(5);
    expect(bodyText(article)).not.toContain('Queue Objects\n');
  });

  it('decodes entities in code and prose', () => {
    expect(inBody(article, 'Queues compare items with < & > operators — see below.')).toBe(true);
  });

  it('keeps <pre> blocks with their line breaks', () => {
    expect(inBody(article, 'import queue\nq = queue.Queue()\nq.put(1)')).toBe(true);
  });

  it('makes an API entry’s term (<dt id>) the heading of its description', () => {
    expect(inBody(article, 'Queue.qsize()')).toBe(false);
    expect(inBody(article, 'Return the approximate size of the queue.')).toBe(true);
    expectWellFormed(article);
  });
});

describe('HTML definition lists', () => {
  const article = articleFrom(
    'gitglossary.html',
    `<main><p>Terms used in the documentation.</p><dl>
     <dt class="hdlist1">bare repository</dt><dd><p>A bare repository is normally an appropriately named directory.</p></dd>
     <dt class="hdlist1">-m</dt><dt class="hdlist1">--move</dt><dd><p>Move/rename a branch, together with its config and reflog.</p></dd>
     <dt class="field-odd">Parameters<span class="colon">:</span></dt><dd><p>path – the folder to list.</p></dd>
     </dl></main>`,
  );

  it('makes every term, with or without an id, the heading of its description; a label ending in a colon is not a term', () => {
    const headingOf = (text: string): string | undefined =>
      article.headings.find((h) => h.range.start <= article.text.indexOf(text) && article.text.indexOf(text) < h.range.end)?.title;
    expect(notInBody(article, '--move')).toBe(true);
    expect(headingOf('A bare repository is normally')).toBe('bare repository');
    expect(headingOf('Move/rename a branch')).toBe('--move');
    expect(inBody(article, 'Parameters:')).toBe(true);
    expectWellFormed(article);
  });

  it('quotes a description\'s first sentence with the term or terms it defines', () => {
    const firstSentences = toPassages(article, 0).map((passage) => article.text.slice(passage.sentences[0]!.start, passage.sentences[0]!.end));
    expect(firstSentences).toContain('bare repository\n\nA bare repository is normally an appropriately named directory.');
    expect(firstSentences).toContain('-m\n--move\n\nMove/rename a branch, together with its config and reflog.');
    const sphinx = articleFrom(
      'glossary.html',
      `<main><dl><dt id="term-EAFP">EAFP<a class="headerlink" href="#term-EAFP">¶</a></dt><dd><p>Easier to ask for forgiveness than permission.</p></dd></dl></main>`,
    );
    // The page shows a permalink mark between the term and its description: joined, the quote would not be verbatim.
    expect(toPassages(sphinx, 0).map((passage) => sphinx.text.slice(passage.sentences[0]!.start, passage.sentences[0]!.end))).toEqual([
      'Easier to ask for forgiveness than permission.',
    ]);
    const sentences = toPassages(article, 0).flatMap((passage) => passage.sentences.map((range) => article.text.slice(range.start, range.end)));
    expect(sentences).toContain('path – the folder to list.');
  });
});

describe('HTML definition lists inside a description', () => {
  const article = articleFrom(
    'config.html',
    `<main><h1>Build related configuration options</h1><dl>
     <dt><code>EXTRACT_ALL</code></dt><dd><p>If the EXTRACT_ALL tag is set to YES, doxygen will assume all entities are documented.</p>
     <dl class="section note"><dt>Note</dt><dd>This will also disable the warnings about undocumented members.</dd></dl>
     <p>The default value is: NO.</p></dd>
     <dt><code>EXTRACT_PRIVATE</code></dt><dd><p>If the EXTRACT_PRIVATE tag is set to YES, all private members are included.</p></dd>
     </dl></main>`,
  );
  const headingOf = (text: string): string | undefined =>
    article.headings.filter((h) => h.range.start <= article.text.indexOf(text) && article.text.indexOf(text) < h.range.end).at(-1)?.title;

  it('keeps the text after a nested list under the entry it belongs to, and the nested term over its own description only', () => {
    expect(headingOf('The default value is: NO.')).toBe('EXTRACT_ALL');
    expect(headingOf('This will also disable')).toBe('Note');
    expect(headingOf('all private members are included')).toBe('EXTRACT_PRIVATE');
    expect(toPassages(article, 0).find((passage) => passage.text.includes('The default value is: NO.'))?.heading).toBe('EXTRACT_ALL');
    expectWellFormed(article);
  });
});

describe('HTML definition lists at the end of a page', () => {
  it('keeps a term that reads like a related-links header ("Recommended") and every description after it', () => {
    const article = articleFrom(
      'controlfields.html',
      `<main><h1>Control fields</h1><p>Some fields of older packages were renamed in later versions of the format.</p><dl>
       <dt>Recommended</dt><dd><p>Old name for Recommends.</p></dd>
       <dt>Optional</dt><dd><p>Old name for Suggests.</p></dd>
       </dl></main>`,
    );
    expect(inBody(article, 'Old name for Recommends.')).toBe(true);
    expect(inBody(article, 'Old name for Suggests.')).toBe(true);
    expect(article.headings.map((heading) => heading.title)).toContain('Recommended');
  });
});

describe('HTML entry tables', () => {
  it('makes a one-row table naming a setting the heading of the prose after it, and quotes them together', () => {
    const row = (name: string, type: string, value: string): string =>
      `<p></p><table><tr><td><span class="docbook_option">${name}</span></td><td>Use: <span>main</span></td><td>Type: <span>${type}</span></td><td>Default: <span>${value}</span></td></tr></table>`;
    const article = articleFrom(
      'ch-main_configuration.html',
      `<main><h3>Alphabetical list of main options</h3>${row('message_size_limit', 'string', '50M')}<p>This option limits the maximum size of message that Exim will process.</p>` +
        `<p>Incoming SMTP messages are failed with a 552 response.</p>${row('queue_only', 'boolean', 'false')}<p>If queue_only is set, a delivery process is not automatically started.</p>` +
        `<table><tr><td>Prev</td><td>Next</td></tr></table><h3>Layout</h3><table><tr><td>Item one</td><td>Item two</td></tr></table><p>After a layout table.</p></main>`,
    );
    const headingOf = (text: string): string | undefined =>
      article.headings.findLast((h) => h.range.start <= article.text.indexOf(text) && article.text.indexOf(text) < h.range.end)?.title;
    expect(headingOf('Incoming SMTP messages are failed')).toBe('message_size_limit Use: main Type: string Default: 50M');
    expect(headingOf('If queue_only is set')).toBe('queue_only Use: main Type: boolean Default: false');
    expect(headingOf('After a layout table.')).toBe('Layout');
    const firstSentences = toPassages(article, 0).map((passage) => article.text.slice(passage.sentences[0]!.start, passage.sentences[0]!.end).replace(/\s+/gu, ' '));
    expect(firstSentences).toContain('message_size_limit Use: main Type: string Default: 50M This option limits the maximum size of message that Exim will process.');
    expectWellFormed(article);
  });
});

describe('HTML tables', () => {
  it('ends a sentence with its list item, though the item ends without a full stop', () => {
    const features = articleFrom(
      'xslt.html',
      `<main><h1>libxslt</h1><p>Here are some key points about libxslt:</p><ul>
       <li>Libxslt is based on libxml for XML parsing, tree manipulation and XPath
         support</li>
       <li>This library is released under the <a href="mit.html">MIT
       Licence</a></li>
       <li>Though not designed primarily with performances in mind, libxslt seems to be a relatively fast processor.</li></ul></main>`,
    );
    const sentences = toPassages(features, 0).flatMap((passage) => passage.sentences.map((range) => features.text.slice(range.start, range.end).replace(/\s+/gu, ' ').trim()));
    expect(sentences).toContain('This library is released under the MIT Licence');
    expect(sentences).toContain('Libxslt is based on libxml for XML parsing, tree manipulation and XPath support');
    expectWellFormed(features);
  });

  it('reads each row as a statement of its own, not the whole table as one run-on sentence', () => {
    const limits = articleFrom(
      'limits.html',
      `<main><h1>Limits</h1><table><thead><tr><th>Item</th><th>Upper Limit</th><th>Comment</th></tr></thead>
       <tbody><tr><td>database size</td><td>unlimited</td><td> </td></tr>
       <tr><td>columns per table</td><td>1,600</td><td>further limited by tuple size</td></tr>
       <tr><td>columns in a result set</td><td>1,664</td><td> </td></tr></tbody></table></main>`,
    );
    const sentences = toPassages(limits, 0).flatMap((passage) => passage.sentences.map((range) => limits.text.slice(range.start, range.end).replace(/\s+/gu, ' ').trim()));
    expect(sentences).toContain('columns per table 1,600 further limited by tuple size');
    expect(sentences).toContain('columns in a result set 1,664');
    expectWellFormed(limits);
  });

  it('reads a row of a label and its value as one line ("Default: TimeOut 60"), not the label alone', () => {
    const directive = articleFrom(
      'core.html',
      `<main><h2>TimeOut Directive</h2><table class="directive"><tr><th><a href="d.html#Default">Default:</a></th><td><code>TimeOut 60</code></td></tr>
       <tr><th><a href="d.html#Context">Context:</a></th><td>server config, virtual host</td></tr></table></main>`,
    );
    expect(directive.text).toContain('Default: TimeOut 60\n');
    expect(directive.text).toContain('Context: server config, virtual host');
    expectWellFormed(directive);
  });
});

describe('HTML questions and answers', () => {
  it('makes a question set in bold on its own the heading of its answer, not part of it', () => {
    const faq = articleFrom(
      'faq.html',
      `<main><p>Answers to common questions.</p>
       <p><b>(1) How do I create an AUTOINCREMENT field?</b></p><blockquote><p>Short answer: declare it INTEGER PRIMARY KEY.</p></blockquote>
       <table><tr class="question"><td><b>1.2.</b></td><td><b>Where does the name come from?</b></td></tr>
       <tr class="answer"><td></td><td><p>From Nordic mythology.</p></td></tr></table>
       <p>Is this <b>really</b> a question? Only in passing.</p></main>`,
    );
    const headingOf = (text: string): string | undefined =>
      faq.headings.find((h) => h.range.start <= faq.text.indexOf(text) && faq.text.indexOf(text) < h.range.end)?.title;
    expect(headingOf('Short answer')).toBe('(1) How do I create an AUTOINCREMENT field?');
    expect(headingOf('From Nordic mythology.')).toBe('Where does the name come from?');
    // Bold inside a sentence is emphasis: the paragraph stays prose.
    expect(inBody(faq, 'Is this really a question?')).toBe(true);
    const firstSentences = toPassages(faq, 0).map((passage) => faq.text.slice(passage.sentences[0]!.start, passage.sentences[0]!.end));
    expect(firstSentences).toContain('From Nordic mythology.');
    expectWellFormed(faq);
  });
});

describe('HTML boxes set beside the text', () => {
  it('keeps a sidebar or an aside that reads as prose (a book\'s boxed note, a footnote), not one of labels or links', () => {
    const article = articleFrom(
      'handbook.html',
      `<main><p>Autobuilders compile every upload.</p>
       <div class="sidebar"><p class="title"><strong>QUICK LOOK buildd, the package recompiler</strong></p>
       <p>buildd is the abbreviation of “build daemon”. It recompiles new versions of packages.</p></div>
       <aside class="footnote"><p>[1] The 0-conversion flag has effect even when a precision is given.</p></aside>
       <aside><h2>Most read</h2><ul><li><a href="/x">Harbour bridge reopens after repairs</a></li></ul></aside>
       <div class="sidebar sidebar-nav"><p>Browse the archive of every article we have written.</p></div>
       <aside id="comments"><p>Great read, thanks for writing it up.</p></aside></main>`,
    );
    expect(article.text).toContain('buildd is the abbreviation of “build daemon”.');
    expect(article.text).toContain('The 0-conversion flag has effect');
    expect(article.text).not.toContain('Most read');
    expect(article.text).not.toContain('Browse the archive');
    expect(article.text).not.toContain('Great read');
  });
});

describe('HTML without a main element', () => {
  it('falls back to the <title> without the site name, and reads <time datetime>', () => {
    const article = articleFrom(
      'notes/page.htm',
      `<html><head><title>Water rates rise — City Post</title><meta property="og:site_name" content="City Post"></head>
       <body><div id="menu"><a>Home</a></div>
       <p>Water rates rise by 4% from <time datetime="2023-11-02">November</time>, the utility said.</p>
       <div class="sidebar">Popular now</div></body></html>`,
    );
    expect(article.source.id).toBe('notes/page');
    expect(article.source.title).toBe('Water rates rise');
    expect(article.source.outlet).toBe('City Post');
    expect(article.source.published).toBe('2023-11-02');
    expect(article.text).toBe('Water rates rise by 4% from November, the utility said.');
  });

  it('keeps the title block that stands before the content (a man page\'s NAME line), but not a header of links', () => {
    const body = `<div id="content"><h2>DESCRIPTION</h2><p>${'In a workflow employing long lived topic branches, conflicts recur. '.repeat(3)}</p></div>`;
    const manPage = articleFrom(
      'git-rerere.html',
      `<body><div id="header"><h1>git-rerere(1) Manual Page</h1><h2>NAME</h2><div class="sectionbody"><p>git-rerere -
       Reuse recorded resolution of conflicted merges</p></div></div>${body}</body>`,
    );
    expect(manPage.text.startsWith('git-rerere(1) Manual Page\n\nNAME\n\ngit-rerere - Reuse recorded resolution of conflicted merges\n\nDESCRIPTION')).toBe(true);
    const linked = articleFrom(
      'site.html',
      `<body><div id="top"><h1><a href="/">Harbour Blog</a></h1><a href="/a">Archives</a> <a href="/b">About us</a></div>${body}</body>`,
    );
    expect(linked.text.startsWith('DESCRIPTION')).toBe(true);
  });

  it('prefers the page over a small <article> teaser inside <main>', () => {
    const long = 'This is the long report about the harbour that readers came for. '.repeat(5).trim();
    const article = articleFrom(
      'teaser.html',
      `<main><p>${long}</p><article><p>Teaser about something else.</p></article></main>`,
    );
    expect(article.text).toContain('readers came for');
    expect(article.text).toContain('Teaser about something else.');
  });

  it('uses a blog template\'s content wrapper, and ignores state classes on <body>', () => {
    const article = articleFrom(
      'blog.html',
      `<html><body class="single-post has-sidebar comments-open">
       <div class="site-branding">Harbour Blog</div>
       <div class="wrap"><div class="entry-content"><p>The ferry timetable changes on 1 June.</p></div>
       <div id="secondary" class="widget-area sidebar"><p>Archives</p></div></div></body></html>`,
    );
    expect(article.text).toBe('The ferry timetable changes on 1 June.');
  });

  it('reads the whole of a Docutils page, not the first field list cell (`td.field-body`) as its content wrapper', () => {
    const article = articleFrom(
      'manual.html',
      `<html><body><div class="document"><div class="section" id="ups-manual"><h1>UPS Manual</h1>
       <p>The daemon shuts the computer down when the battery runs low.</p>
       <table class="docutils field-list"><tbody><tr class="field"><th class="field-name">Question:</th>
       <td class="field-body"><p>Which brands are supported?</p></td></tr></tbody></table>
       <p>The default battery level is 5 percent.</p></div></div></body></html>`,
    );
    expect(article.text).toContain('The daemon shuts the computer down when the battery runs low.');
    expect(article.text).toContain('The default battery level is 5 percent.');
  });

  it('reads an option list set as a table (Docutils) as terms with their descriptions, a long option spanning its row too', () => {
    const article = articleFrom(
      'configure.html',
      `<html><body><h1>Configure Options</h1><table class="docutils option-list"><tbody>
       <tr><td class="option-group"><kbd><span class="option">--enable-usb</span></kbd></td><td>Turns on the USB driver. It is off by default.</td></tr>
       <tr><td class="option-group" colspan="2"><kbd><span class="option">--with-cgi-bin=<var>path</var></span></kbd></td></tr>
       <tr><td>&nbsp;</td><td>Sets the directory the CGI programs go to.</td></tr>
       <tr><td>Plain words</td><td>Are no term of their own.</td></tr></tbody></table>
       <p>Run make after configure.</p></body></html>`,
    );
    expect(article.headings.map((heading) => heading.title)).toEqual(['Configure Options', '--enable-usb', '--with-cgi-bin=path']);
    // What follows the table is its section's, not the last option's.
    const governed = (title: string): string => {
      const heading = article.headings.find((h) => h.title === title)!;
      return article.text.slice(heading.range.start, heading.range.end);
    };
    expect(governed('--with-cgi-bin=path')).not.toContain('Run make after configure.');
    expect(governed('Configure Options')).toContain('Run make after configure.');
  });

  it('keeps a heading whose words are a link back to the table of contents (Docutils\' `a.toc-backref`), and drops a permalink', () => {
    const article = articleFrom(
      'manual.html',
      `<html><body><div class="document"><h1>UPS Manual</h1>
       <div class="section" id="polltime"><h2><a class="toc-backref" href="#id12">Polling the server</a><a class="headerlink" href="#polltime">¶</a></h2>
       <p>The client polls the server every 60 seconds.</p></div></div></body></html>`,
    );
    expect(article.headings.map((heading) => heading.title)).toEqual(['UPS Manual', 'Polling the server']);
  });

  it('takes no heading for the content wrapper because its id is "main" (a section\'s anchor)', () => {
    const article = articleFrom(
      'configuring.html',
      '<body><div id="page-content"><div class="section"><h2 id="main">Main Configuration Files</h2>' +
        '<p>The main configuration file is usually called apache2.conf.</p></div></div></body>',
    );
    expect(article.text).toContain('The main configuration file is usually called apache2.conf.');
  });

  it('reads the page even when <body> has no usable wrapper and chrome-like classes', () => {
    const article = articleFrom(
      'plain.html',
      '<body class="has-sidebar"><p>The ferry timetable changes on 1 June.</p><div class="sidebar">Archives</div></body>',
    );
    expect(article.text).toBe('The ferry timetable changes on 1 June.');
  });

  it('keeps highlighted code whole, even where a highlighter class looks like chrome', () => {
    const article = articleFrom(
      'code.html',
      '<main><pre><code><span class="hljs-comment"># share the queue</span>\nq = Queue()</code></pre></main>',
    );
    expect(article.text).toBe('# share the queue\nq = Queue()');
  });

  it('reads a JSON-LD publication date even though scripts are dropped', () => {
    const article = articleFrom(
      'ld.html',
      `<html><head><script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2022-01-09T10:00:00+01:00"}</script></head>
       <body><article><h1>Snow closes schools</h1><p>Schools closed across the county on Sunday.</p></article></body></html>`,
    );
    expect(article.source.published).toBe('2022-01-09');
    expect(article.text).not.toContain('NewsArticle');
  });
});

describe('HTML manual pages set in <pre>', () => {
  const manual = `<html><head><title>Postfix manual - postmap(1)</title></head><body><pre>
POSTMAP(1)                                                          POSTMAP(1)

<b>NAME</b>
       postmap - Postfix lookup table management

<b>SYNOPSIS</b>
       <b>postmap</b> [<b>-bfFhimnNoprsuUvw</b>] [<b>-c</b> <i>config</i><b>_</b><i>dir</i>]

<b>DESCRIPTION</b>
       The  <a href="postmap.1.html"><b>postmap</b>(1)</a>  command  creates or queries one or more Postfix lookup
       tables, or updates an existing one.

       If the result files do not exist they will be  created  with  the  same
       group and other read permissions as their source file.

       The following options are recognized:

       <b>-c</b> <i>config_dir</i>
              Read the <b>main.cf</b> configuration file in the named directory
              instead of the default configuration directory.

       <b>-v</b>     Enable verbose logging for debugging purposes. Multiple <b>-v</b>
              options make the software increasingly verbose.
</pre></body></html>`;

  it('reads a page that is one manual page in <pre> as prose in sections', () => {
    const article = articleFrom('postmap.1.html', manual);
    const passages = toPassages(article, 0);
    const describing = passages.find((passage) => passage.text.includes('command  creates or queries'));
    expect(describing?.code).toBeUndefined();
    expect(describing?.heading).toBe('DESCRIPTION');
    expect(article.headings.map((heading) => heading.title)).toEqual(['NAME', 'SYNOPSIS', 'DESCRIPTION', '-c config_dir']);
    // Sections, not terms: a quote of the description does not open with "DESCRIPTION".
    expect(article.headings.filter((heading) => heading.term !== undefined).map((heading) => heading.title)).toEqual(['-c config_dir']);
    // An option's entry inside the section's description does not end the section: the next option is still under it.
    expect(passages.find((passage) => passage.text.includes('Enable verbose logging'))?.heading).toBe('DESCRIPTION');
    expectWellFormed(article);
  });

  it('keeps a page that is one program listing or session log in <pre> as code', () => {
    const listing = articleFrom(
      'session.html',
      `<html><body><pre>
test=# create table tcndata
test-#   (
test(#     a int not null,
test(#     b date not null
test(#   );
CREATE TABLE
test=# insert into tcndata values (1, date '2012-12-22');
INSERT 0 1
</pre></body></html>`,
    );
    expect(toPassages(listing, 0).every((passage) => passage.code === true)).toBe(true);
  });
});

describe('HTML manuals that set their prose in <pre>', () => {
  // HAProxy's configuration manual: a keyword in bold on its own line, its description in <pre class="text">, a menu of
  // the sections a keyword is described in set inside the <pre> beside the keyword's name.
  const article = articleFrom(
    'configuration.html',
    `<main><h2>4.2. Alphabetically sorted keywords reference</h2>
     <div class="keyword"><b><a href="#4.2-option%20httplog">option httplog</a></b> <span>[ clf ]</span></div><pre class="text">Enable logging of HTTP request, session state and timers
</pre>
     <div class="keyword"><b><a href="#4.2-timeout%20client">timeout client</a></b> <span>&lt;timeout&gt;</span></div><pre class="text">Set the maximum inactivity time on the client side.
</pre><pre class="text">If set, HAProxy uses min("<span class="dropdown"><a class="dropdown-toggle" href="#">timeout connect</a><ul class="dropdown-menu"><li class="dropdown-header">This keyword is available in sections :</li><li><a href="#x">Rings</a></li></ul></span>", "inter") as a
connect timeout for check. It is a good practice to cover one or several TCP packet
losses by specifying timeouts that are slightly above multiples of 3 seconds.
</pre><pre class="prettyprint">timeout client 50000ms
timeout server 50000ms
</pre></main>`,
  );
  const passages = toPassages(article, 0);
  const passageWith = (text: string) => passages.find((passage) => passage.text.includes(text));

  it('reads a keyword set in bold on its own line as the term of the description after it', () => {
    expect(passageWith('Set the maximum inactivity time on the client side.')?.heading).toBe('timeout client <timeout>');
    expect(passageWith('Enable logging of HTTP request')?.heading).toBe('option httplog [ clf ]');
    expectWellFormed(article);
  });

  it('reads a <pre> that holds prose as text, its lines joined into sentences, and a program listing as code', () => {
    expect(passageWith('Set the maximum inactivity time')?.code).toBeUndefined();
    expect(passageWith('Enable logging of HTTP request')?.code).toBeUndefined();
    expect(passageWith('It is a good practice to cover')?.code).toBeUndefined();
    expect(passageWith('timeout server 50000ms')?.code).toBe(true);
  });

  it('drops a menu of links set inside a <pre>, keeping the words around it', () => {
    expect(article.text).not.toContain('This keyword is available in sections');
    expect(passageWith('If set, HAProxy uses min("timeout connect", "inter") as a\nconnect timeout for check.')).toBeDefined();
  });
});
