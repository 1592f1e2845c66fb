import type { Executor } from '../../platform/db/client.js';
import { financeSettings } from '../orders/index.js';

/** Pyramid and ABC bounds in percent (domain §7): cumulative, platinum ⊂ gold and A ⊂ B. */
export interface ValueBounds {
  platinumPct: number;
  goldPct: number;
  abcAPct: number;
  abcBPct: number;
}

/** The organization's bounds from the finance settings (the orders module owns them and their defaults). */
export async function getValueBounds(db: Executor, orgId: string): Promise<ValueBounds> {
  const settings = await financeSettings.get(db, orgId);
  return {
    platinumPct: settings.pyramidPlatinumPct,
    goldPct: settings.pyramidGoldPct,
    abcAPct: settings.abcAPct,
    abcBPct: settings.abcBPct,
  };
}
