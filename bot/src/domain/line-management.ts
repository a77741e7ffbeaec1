/**
 * Line management is a tree: everyone reports to at most one line manager, and following the line upwards must
 * end at someone with none. A roster that makes the line go round in a circle (A reports to B, B to A) would
 * leave nobody at the top of that part of the organisation, so imports refuse it.
 */

/**
 * Every cycle in a "reports to" map (person id -> line manager id). Each cycle lists its people in line order
 * (each one's manager is the next; the last one's manager is the first), starting from the smallest id, and the
 * cycles come in order of their first id. A person managing themselves is a cycle of one. Runs in linear time.
 */
export function managementCycles(managerOf: ReadonlyMap<string, string | undefined>): string[][] {
  const state = new Map<string, 'visiting' | 'done'>();
  const cycles: string[][] = [];
  for (const start of managerOf.keys()) {
    if (state.has(start)) continue;
    const path: string[] = [];
    let at: string | undefined = start;
    while (at !== undefined && !state.has(at)) {
      state.set(at, 'visiting');
      path.push(at);
      at = managerOf.get(at);
    }
    // Back at someone on this walk: the walk from there on is a new cycle.
    if (at !== undefined && state.get(at) === 'visiting') {
      const cycle = path.slice(path.indexOf(at));
      const first = cycle.indexOf([...cycle].sort()[0]!);
      cycles.push([...cycle.slice(first), ...cycle.slice(0, first)]);
    }
    for (const id of path) state.set(id, 'done');
  }
  return cycles.sort((a, b) => (a[0]! < b[0]! ? -1 : a[0]! > b[0]! ? 1 : 0));
}
