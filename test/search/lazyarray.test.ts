import { describe, expect, it } from 'vitest';
import { lazyArray } from '../../src/search/lazyarray.js';

describe('a lazy array', () => {
  it('makes each item on first read, once, and behaves as the array it stands for', () => {
    const made: number[] = [];
    const items = lazyArray(5, (index) => {
      made.push(index);
      return { index, square: index * index };
    });
    expect(items.length).toBe(5);
    expect(items[3]).toEqual({ index: 3, square: 9 });
    expect(items[3]).toBe(items[3]);
    expect(made).toEqual([3]);
    expect(items[5]).toBeUndefined();
    expect(items[-1]).toBeUndefined();
    expect(Array.isArray(items)).toBe(true);
    expect(items.map((item) => item.square)).toEqual([0, 1, 4, 9, 16]);
    expect([...items].map((item) => item.index)).toEqual([0, 1, 2, 3, 4]);
    expect(items.slice(1, 3)).toEqual([
      { index: 1, square: 1 },
      { index: 2, square: 4 },
    ]);
    expect(items).toEqual([0, 1, 2, 3, 4].map((index) => ({ index, square: index * index })));
    expect(made.sort()).toEqual([0, 1, 2, 3, 4]);
  });

  it('refuses writes', () => {
    const items = lazyArray(2, (index) => index);
    expect(() => {
      items[0] = 7;
    }).toThrow(/read-only/);
    expect(() => items.push(3)).toThrow(/read-only/);
    expect(items[0]).toBe(0);
  });
});
