import { describe, expect, it } from 'vitest';
import { actionVerbForms, adjectiveSynonyms, agentNouns, mayNameQuantity, measureRelatives, nounNeighbours, nounSynonyms, pastFormCauses, pastFormSynonyms, verbCauses } from '../../src/text/wordnet.js';
import { analyzeQuestion } from '../../src/answer/question.js';

describe('WordNet', () => {
  it('reads the attribute an adjective measures, and the adjectives that measure a noun', () => {
    expect(measureRelatives('deep')).toContain('depth');
    expect(measureRelatives('Hot')).toContain('temperature');
    expect(measureRelatives('heavy')).toEqual(['weight']);
    expect(measureRelatives('depth')).toContain('deep');
    expect(measureRelatives('pipeline')).toEqual([]);
    expect(measureRelatives('zzzq')).toEqual([]);
  });

  it('reads a past form as its verb, with the verbs that mostly mean what it mostly means', () => {
    expect(pastFormSynonyms('wounded')).toEqual(['injure']);
    expect(pastFormSynonyms('injured')).toEqual(['wound']);
    // "die" is also a rare sense of "go" and "pass": not synonyms in the sense they are mostly used in.
    expect(pastFormSynonyms('died')).not.toContain('go');
    expect(pastFormSynonyms('died')).not.toContain('pass');
    expect(pastFormSynonyms('killed')).toEqual([]);
    expect(pastFormSynonyms('wounds')).toEqual([]);
    expect(pastFormSynonyms('red')).toEqual([]);
  });

  it('reads a past form with the verbs whose most frequent sense causes what it mostly means, not the other way round', () => {
    expect(pastFormCauses('died')).toEqual(['kill']);
    expect(pastFormCauses('learned')).toContain('teach');
    // Not everyone who died was killed.
    expect(pastFormCauses('killed')).toEqual([]);
    expect(pastFormCauses('dies')).toEqual([]);
  });

  it('reads a base form asked in the past ("did anyone die?") with the verbs that cause it, as its past form', () => {
    expect(verbCauses('die')).toEqual(['kill']);
    expect(verbCauses('kill')).toEqual([]);
    expect(analyzeQuestion('did anyone die in the strike?').terms.find((term) => term.raw === 'die')?.forms).toContain('kill');
    // Asked in the present, it is a habit or a fact, not an event something caused.
    expect(analyzeQuestion('do cells die in the cold?').terms.find((term) => term.raw === 'die')?.forms).not.toContain('kill');
  });

  it('reads an adjective with those of its most frequent sense, and the adjective that sense is a satellite of', () => {
    expect(adjectiveSynonyms('hurt')).toEqual(['wounded', 'injured']);
    expect(adjectiveSynonyms('injured')).toEqual([]);
    expect(adjectiveSynonyms('zzzq')).toEqual([]);
  });

  it('reads a noun, singular or plural, with the nouns that mostly mean what it mostly means', () => {
    expect(nounSynonyms('sorts')).toEqual(['kind']);
    expect(nounSynonyms('kind')).toEqual(['sort']);
    // "threads" is also a noun of its own (clothes), but the plural of "thread" is read first.
    expect(nounSynonyms('threads')).toEqual([]);
    expect(nounSynonyms('drones')).toEqual([]);
    expect(nounSynonyms('zzzq')).toEqual([]);
  });

  it("reads a noun's next broader and narrower nouns, leaving out words mostly used as verbs", () => {
    expect(nounNeighbours('types')).toEqual(['kind', 'sort']);
    expect(nounNeighbours('kinds')).toContain('type');
    expect(nounNeighbours('kinds')).not.toContain('make');
    expect(nounNeighbours('zzzq')).toEqual([]);
  });

  it('reads the verb of an action with the verbs of its most frequent sense, and no light verb', () => {
    expect(actionVerbForms('close')).toEqual(['close', 'shut']);
    expect(actionVerbForms('unzip')).toEqual(['unzip']);
    expect(actionVerbForms('get')).toBeNull();
    expect(actionVerbForms('make')).toBeNull();
    expect(actionVerbForms('zzzq')).toBeNull();
  });

  it('reads the nouns for the one who does what a verb says, in the sense each noun is mostly used in', () => {
    expect(agentNouns('wrote')).toEqual(['writer', 'author']);
    expect(agentNouns('invented')).toContain('inventor');
    expect(agentNouns('maintains')).toContain('maintainer');
    // "creature" is derived from "create" but names what was created; "starter" is mostly no newcomer.
    expect(agentNouns('created')).toEqual([]);
    expect(agentNouns('started')).toEqual([]);
    expect(agentNouns('zzzq')).toEqual([]);
  });

  it('knows the units and amounts among nouns', () => {
    expect(mayNameQuantity('dollars')).toBe(true);
    expect(mayNameQuantity('bytes')).toBe(true);
    expect(mayNameQuantity('developers')).toBe(false);
    expect(mayNameQuantity('zzzq')).toBe(false);
  });
});
