// SparseMap behaves as a Map for what the engine uses, and drops its storage with the last entry.
import { describe, expect, it } from 'vitest';
import { SparseMap } from './sparse-map.js';

describe('SparseMap', () => {
  it('sets, gets, deletes and counts like a Map', () => {
    const map = new SparseMap<string, number>();
    expect(map.size).toBe(0);
    expect(map.get('a')).toBeUndefined();
    expect(map.has('a')).toBe(false);
    map.set('a', 1);
    map.set('b', 2);
    map.set('a', 3);
    expect(map.size).toBe(2);
    expect(map.get('a')).toBe(3);
    expect(map.values()).toEqual([3, 2]);
    map.delete('missing');
    map.delete('a');
    expect(map.has('a')).toBe(false);
    expect(map.values()).toEqual([2]);
    map.delete('b');
    expect(map.size).toBe(0);
    map.set('c', 4);
    expect(map.values()).toEqual([4]);
    map.clear();
    expect(map.size).toBe(0);
    expect(map.values()).toEqual([]);
  });

  it('hands out a snapshot of its values, safe to use while the map changes', () => {
    const map = new SparseMap<number, number>();
    for (let i = 0; i < 3; i++) map.set(i, i);
    const seen: number[] = [];
    for (const value of map.values()) {
      map.delete(value);
      seen.push(value);
    }
    expect(seen).toEqual([0, 1, 2]);
    expect(map.size).toBe(0);
  });
});
