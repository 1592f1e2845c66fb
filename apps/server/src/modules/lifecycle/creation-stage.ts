import type { Locale, Stage } from '@guanxi/contract';
import type { Executor } from '../../platform/db/client.js';
import { invalidField } from '../../platform/errors/app-error.js';
import { needsApproval } from './lifecycle.rules.js';
import { getLifecycleSettings, type LifecycleSettings } from './settings.service.js';

/** Where every customer starts when no stage is given. */
export const FIRST_STAGE: Stage = 'prospect';

/**
 * The stages a new customer may start in: the first stage and every active stage a user could
 * reach from it by manual moves that need no approval. Entering an existing customer at its real
 * stage (a repeat buyer from the old spreadsheet) is legitimate; creating one directly in a stage
 * behind an approval rule ("lost") would skip the approval a move there needs.
 */
export function stagesOpenAtCreation(
  settings: Pick<LifecycleSettings, 'stages' | 'approvalRules'>,
): ReadonlySet<Stage> {
  const active = settings.stages.filter((stage) => stage.active).map((stage) => stage.code);
  const open = new Set<Stage>([FIRST_STAGE]);
  const queue: Stage[] = [FIRST_STAGE];
  for (let from = queue.shift(); from !== undefined; from = queue.shift()) {
    for (const to of active) {
      if (open.has(to) || needsApproval(settings.approvalRules, from, to)) continue;
      open.add(to);
      queue.push(to);
    }
  }
  return open;
}

/**
 * Refuses a creation stage outside `stagesOpenAtCreation` with 400 naming `stage`, the stage's
 * name in the caller's language and why: it needs approval, or it is not in use.
 */
export async function assertStageOpenAtCreation(
  db: Executor,
  actor: { orgId: string; locale: Locale },
  stage: Stage,
): Promise<void> {
  if (stage === FIRST_STAGE) return;
  const settings = await getLifecycleSettings(db, actor.orgId);
  if (stagesOpenAtCreation(settings).has(stage)) return;
  const config = settings.stages.find((s) => s.code === stage);
  const name = config ? (actor.locale === 'en' ? config.nameEn : config.nameZh) : stage;
  throw invalidField('stage', config?.active ? 'validation.stageNeedsApproval' : 'validation.stageNotInUse', {
    stage: name,
  });
}
