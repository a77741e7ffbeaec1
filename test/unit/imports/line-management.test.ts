import fc from 'fast-check';
import { managementCycles } from '../../../bot/src/domain/line-management';

const graph = (edges: Record<string, string | undefined>): Map<string, string | undefined> => new Map(Object.entries(edges));

describe('managementCycles', () => {
  it('finds none in a tree', () => {
    expect(managementCycles(graph({ a: undefined, b: 'a', c: 'a', d: 'b', e: 'd' }))).toEqual([]);
  });

  it('finds someone managing themselves', () => {
    expect(managementCycles(graph({ a: undefined, b: 'b' }))).toEqual([['b']]);
  });

  it('lists a cycle in line order from its smallest id, once, even when entered from a tail', () => {
    // x -> y -> c -> a -> b -> c (the cycle is c, a, b)
    expect(managementCycles(graph({ x: 'y', y: 'c', c: 'a', a: 'b', b: 'c' }))).toEqual([['a', 'b', 'c']]);
  });

  it('finds several separate cycles, ordered by first id', () => {
    expect(managementCycles(graph({ q: 'r', r: 'q', b: 'a', a: 'b', z: undefined }))).toEqual([['a', 'b'], ['q', 'r']]);
  });

  it('ignores managers outside the map (people stored elsewhere with no manager)', () => {
    expect(managementCycles(graph({ a: 'outside', b: 'a' }))).toEqual([]);
  });

  it('agrees with a brute-force check on random graphs', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.integer({ min: 0, max: 11 }), { nil: undefined }), { minLength: 1, maxLength: 12 }), (targets) => {
        const m = new Map(targets.map((t, i) => [`p${String(i).padStart(2, '0')}`, t === undefined || t >= targets.length ? undefined : `p${String(t).padStart(2, '0')}`]));
        const onCycle = new Set(managementCycles(m).flat());
        for (const id of m.keys()) {
          // Walk up at most n steps: on a cycle iff we come back to ourselves.
          let at = m.get(id);
          let back = false;
          for (let i = 0; i < m.size && at !== undefined; i++) {
            if (at === id) {
              back = true;
              break;
            }
            at = m.get(at);
          }
          expect(onCycle.has(id)).toBe(back);
        }
      }),
    );
  });
});
