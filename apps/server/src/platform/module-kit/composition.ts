import type { EventBus } from '../events/index.js';
import type { ApprovalAdapter, DemoSeed, ModuleDefinition } from './module-definition.js';

/**
 * The modules' demo seeds in an order that runs each after those it names in `after`; otherwise in
 * registry order. A dependency on a module without a demo seed, or a cycle, is a programming error.
 */
export function demoSeedsInOrder(modules: readonly ModuleDefinition[]): { name: string; seed: DemoSeed }[] {
  const pending = modules.flatMap((m) => (m.demoSeed ? [{ name: m.name, seed: m.demoSeed }] : []));
  const known = new Set(pending.map((p) => p.name));
  for (const { name, seed } of pending) {
    const missing = (seed.after ?? []).filter((dependency) => !known.has(dependency));
    if (missing.length > 0)
      throw new Error(`demo seed of ${name} runs after ${missing.join(', ')}, which seed no demo`);
  }
  const done = new Set<string>();
  const ordered: { name: string; seed: DemoSeed }[] = [];
  while (pending.length > 0) {
    const next = pending.findIndex(({ seed }) => (seed.after ?? []).every((dependency) => done.has(dependency)));
    if (next < 0) throw new Error(`demo seeds wait on each other: ${pending.map((p) => p.name).join(', ')}`);
    const [entry] = pending.splice(next, 1);
    done.add(entry!.name);
    ordered.push(entry!);
  }
  return ordered;
}

/** Every module's approval adapters; a business type bound twice is a programming error. */
export function approvalAdaptersOf(modules: readonly ModuleDefinition[]): ApprovalAdapter[] {
  const adapters = modules.flatMap((m) => m.approvals ?? []);
  const seen = new Set<string>();
  for (const adapter of adapters) {
    if (seen.has(adapter.businessType)) throw new Error(`approval type ${adapter.businessType} bound twice`);
    seen.add(adapter.businessType);
  }
  return adapters;
}

/** Hands each final approval decision to the adapter of its business type, in the deciding transaction. */
export function subscribeApprovalAdapters(events: EventBus, adapters: readonly ApprovalAdapter[]): void {
  for (const adapter of adapters) {
    events.subscribe('approval.decided', async (tx, event) => {
      if (event.businessType === adapter.businessType) await adapter.decide(tx, event);
    });
  }
}
