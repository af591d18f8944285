import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/answer/answer.js';
import { identifiersIn } from '../../src/answer/code-names.js';
import { neverWritten } from '../../src/answer/identifiers.js';
import { corpusOf, plainArticle } from '../helpers.js';
import { articleFrom } from '../ingest/helpers.js';

const settings = plainArticle(
  'settings',
  'work_mem sets the base maximum amount of memory to be used by a query operation before writing to temporary disk files. ' +
    'The default value is four megabytes (4MB). ' +
    'The query planner keeps no cache of results, and each sort may use work_mem on its own. ' +
    'The size of the shared buffer pool is set by shared_buffers; its default size is 128 megabytes.',
);

describe('identifiers a question writes', () => {
  it('finds snake_case, dotted, camelCase names and options, not abbreviations', () => {
    expect(identifiersIn("what's the default query_cache_size in postgresql.conf?")).toEqual(['query_cache_size', 'postgresql.conf']);
    expect(identifiersIn('what does os.path.join do, and fs.createReadStream?')).toEqual(['os.path.join', 'fs.createReadStream']);
    expect(identifiersIn('how do I use --trace-children?')).toEqual(['--trace-children']);
    expect(identifiersIn('is there e.g. a self-hosted re-run, i.e. one?')).toEqual([]);
    // A name with its version after a slash is one name: HTTP/3 is not HTTP/2.
    expect(identifiersIn('does apache support HTTP/3, or HTTP/1.1 and TCP/IP only?')).toEqual(['HTTP/3', 'HTTP/1.1']);
  });

  it('declines a question about a version of a protocol the corpus never writes, and answers one it writes', async () => {
    const corpus = await corpusOf([
      articleFrom('http2.txt', 'The server supports HTTP/2 over cleartext and secure connections. Multiprotocol support arrived in version 2.0, with mod_echo as an example.'),
    ]);
    expect(answerQuestion(corpus, 'does the server support HTTP/3?').status).toBe('no_answer');
    expect(answerQuestion(corpus, 'does the server support HTTP/2?').quotes[0]?.text).toBe('The server supports HTTP/2 over cleartext and secure connections.');
  });

  it('tells a name the corpus never writes from one it writes, and from a misspelt one', async () => {
    const corpus = await corpusOf([settings]);
    const none = new Set<string>();
    expect(neverWritten(corpus, 'query_cache_size', none)).toBe(true);
    // A word the corpus never uses, not corrected to one it uses: the name is not there either.
    expect(neverWritten(corpus, 'innodb_buffer_pool_size', none)).toBe(true);
    expect(neverWritten(corpus, 'WORK_MEM', none)).toBe(false);
    expect(neverWritten(corpus, 'shared_buffers', none)).toBe(false);
    // A word read as a misspelling of another says nothing of what the corpus writes.
    expect(neverWritten(corpus, 'shared_bufers', new Set(['bufer']))).toBe(false);
  });

  it('does not answer for a setting the corpus never names from sentences that hold its words apart', async () => {
    const corpus = await corpusOf([settings]);
    expect(answerQuestion(corpus, "what's the default value of query_cache_size?").status).toBe('no_answer');
    expect(answerQuestion(corpus, "what's the default value of innodb_buffer_pool_size?").status).toBe('no_answer');
    expect(answerQuestion(corpus, "what's the default value of work_mem?").quotes[0]?.text).toBe('The default value is four megabytes (4MB).');
  });
});

describe('a setting the question names', () => {
  it('is not answered from a passage that writes it only inside a longer name ("$mail_check_stats_interval")', async () => {
    const corpus = await corpusOf([
      plainArticle('stats', 'The mail_check_stats_interval option sets the interval, in seconds, at which message counts are updated. Its default is 60.'),
      plainArticle('check', 'The mail_check option sets how often, in seconds, Mutt looks for new mail. Its default is 5.'),
      plainArticle('timeout', 'The timeout option sets the interval Mutt waits for a key. Its default is 600.'),
    ]);
    const reply = answerQuestion(corpus, 'what is the default mail_check interval?');
    expect(reply.answer).not.toBe('60');
    for (const quote of reply.quotes) expect(quote.text).not.toMatch(/mail_check_stats_interval/);
  });

  it('is named in prose without its dashes: "--prefix" is the "prefix" a passage speaks of', async () => {
    const standards = await corpusOf([
      plainArticle('variables', 'The prefix variable sets where a package is installed. Its default is /usr/local.'),
      plainArticle('configure', 'Pass --prefix to configure to install a package elsewhere.'),
    ]);
    expect(answerQuestion(standards, 'what is the default of --prefix?').answer).toBe('/usr/local');
  });
});

describe('quotes beside the best one, for a question that writes a name', () => {
  it('come only from passages that write that name too: another setting\'s entry is no evidence, however close its score', async () => {
    const reference = articleFrom(
      'postconf.html',
      '<html><head><title>Configuration Parameters</title></head><body><h1>Configuration Parameters</h1><dl>' +
        '<dt>bounce_size_limit (default: 50000)</dt><dd><p>The maximal amount of original message text that is sent in a non-delivery notification.</p></dd>' +
        '<dt>header_size_limit (default: 102400)</dt><dd><p>The maximal amount of memory in bytes for storing a message header.</p></dd>' +
        '<dt>message_size_limit (default: 10240000)</dt><dd><p>The maximal size in bytes of a message, including envelope information.</p>' +
        '<p>The value cannot exceed LONG_MAX.</p></dd>' +
        '<dt>queue_minfree (default: 0)</dt><dd><p>The SMTP server rejects mail when free space is less than 1.5*$message_size_limit.</p></dd>' +
        '</dl></body></html>',
    );
    const reply = answerQuestion(await corpusOf([reference]), "what's the default message_size_limit?");
    expect(reply.answer).toBe('10240000');
    expect(reply.quotes.length).toBeGreaterThan(0);
    for (const quote of reply.quotes) expect(quote.text).not.toMatch(/bounce_size_limit|header_size_limit|\b50000\b|\b102400\b/);
  });
});
