import { describe, expect, it } from 'vitest';
import { withSlip } from '../../src/eval/slips.js';

describe('a slip typed into a question', () => {
  it('swaps two neighbouring letters at the middle of the longest plain word, or drops its middle letter', () => {
    expect(withSlip('who bolted an SQL interpreter onto the old code?', 'swap')).toBe('who bolted an SQL inteprreter onto the old code?');
    expect(withSlip('who bolted an SQL interpreter onto the old code?', 'drop')).toBe('who bolted an SQL interreter onto the old code?');
  });

  it('swaps the nearest pair of unlike letters when the middle two are alike', () => {
    expect(withSlip('is it committed?', 'swap')).toBe('is it comimtted?');
  });

  it('types the whole question in small letters', () => {
    expect(withSlip('Who is the Kremlin spokesman?', 'lower')).toBe('who is the kremlin spokesman?');
  });

  it('leaves names written as code, capitals and short words alone', () => {
    expect(withSlip('what does os.path.normpath do?', 'swap')).toBe('what does os.path.normpath do?');
    expect(withSlip('what does --no-verify skip?', 'drop')).toBe('what does --no-verify skip?');
    expect(withSlip('Who is the Kremlin spokesman?', 'swap')).toBe('Who is the Kremlin spoeksman?');
    expect(withSlip('who is Peskov?', 'swap')).toBe('who is Peskov?');
  });
});
