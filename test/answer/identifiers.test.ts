import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/answer/answer.js';
import { identifiersIn, neverWritten } from '../../src/answer/identifiers.js';
import { corpusOf, plainArticle } from '../helpers.js';

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
