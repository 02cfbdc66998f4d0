// Where CPU goes in a V8 CPU profile: the share of sampled main-thread time spent inside frames matching a name.
import type { Profiler } from 'node:inspector';

const idle = new Set(['(idle)', '(garbage collector)']);

export interface Share {
  /** Samples under a matching frame (nested matches counted once). */
  readonly matched: number;
  /** Samples that were not idle. */
  readonly busy: number;
  /** Frame names that matched. */
  readonly names: readonly string[];
}

/** Counts samples inside any frame whose function name matches, over the busy (non-idle) samples. */
export function frameShare(profile: Profiler.Profile, match: RegExp): Share {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const hits = new Map<number, number>();
  for (const id of profile.samples ?? []) hits.set(id, (hits.get(id) ?? 0) + 1);
  const names = new Set<string>();
  let matched = 0;
  let busy = 0;
  const subtree = (id: number): number => {
    const node = byId.get(id);
    if (node === undefined) return 0;
    return (hits.get(id) ?? 0) + (node.children ?? []).reduce((sum, child) => sum + subtree(child), 0);
  };
  const walk = (id: number): void => {
    const node = byId.get(id);
    if (node === undefined) return;
    const name = node.callFrame.functionName;
    if (match.test(name)) {
      names.add(name);
      matched += subtree(id);
      return;
    }
    for (const child of node.children ?? []) walk(child);
  };
  for (const node of profile.nodes) {
    if (!idle.has(node.callFrame.functionName)) busy += hits.get(node.id) ?? 0;
  }
  const root = profile.nodes[0];
  if (root !== undefined) walk(root.id);
  return { matched, busy, names: [...names].sort() };
}
