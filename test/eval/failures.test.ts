import { describe, expect, it } from 'vitest';
import { renderFailures } from '../../src/eval/failures.js';
import { outcome } from './outcomes.js';

describe('renderFailures', () => {
  it('shows only failing cases, with what was expected, what Quoth said and the retrieval rank', () => {
    const selectionMiss = outcome({ corpus: 'docs', kind: 'howto', quoth: 'wrong', retrievalRank: 4 });
    const retrievalMiss = outcome({ corpus: 'docs', quoth: 'abstained', retrievalRank: null });
    const wrongAbstention = outcome({ corpus: 'docs', answerable: false, quoth: 'wrong' });
    const text = renderFailures([outcome({ quoth: 'right' }), selectionMiss, retrievalMiss, wrongAbstention]);
    const blocks = text.split('\n\n');
    expect(blocks).toHaveLength(3);
    expect(blocks[0]).toContain(`FAIL docs ${selectionMiss.testCase.id} [howto]`);
    expect(blocks[0]).toContain('expected:  any answer from a');
    expect(blocks[0]).toContain('quoth:     answered “A sentence.” (a)');
    expect(blocks[0]).toContain('retrieval: expected source at rank 4');
    expect(blocks[1]).toContain('quoth:     no answer');
    expect(blocks[1]).toContain('retrieval: not in top 20');
    expect(blocks[2]).toContain('expected:  no answer');
    expect(blocks[2]).not.toContain('retrieval:');
  });
});
