/**
 * Every current QingBo video model's rules, as plain data (see types.ts), one file per family in families/
 * built from builders.ts. Each entry's `source` cites QingBo's public documentation page it was taken from,
 * pinned to a commit; docs/models/ has the facts per family to check a rule against. Where the docs leave a
 * thing open, the field is declared and the rule is left out, so the API (400, not billed) has the last word.
 */
import { FLUX } from './families/flux';
import { GROK } from './families/grok';
import { HAILUO_AND_H3 } from './families/hailuo';
import { HAPPYHORSE } from './families/happyhorse';
import { KLING } from './families/kling';
import { OMNI } from './families/omni';
import { PIXVERSE } from './families/pixverse';
import { SEEDANCE } from './families/seedance';
import { SKYREELS } from './families/skyreels';
import { SORA } from './families/sora';
import { VEO } from './families/veo';
import { VIDU } from './families/vidu';
import { WAN } from './families/wan';
import { ownEntry, type ActionName, type ModelRules } from './types';

/**
 * The day the rules were last checked against QingBo's documentation: the oldest `source.read` of any
 * entry. The pages' reading was not dated, so this is the day the catalogue was written from them.
 */
export const CATALOGUE_CHECKED_ON = '2026-11-29';

export const CATALOGUE: readonly ModelRules[] = [
	...VEO,
	...KLING,
	...SEEDANCE,
	...WAN,
	...PIXVERSE,
	...HAILUO_AND_H3,
	...VIDU,
	...SKYREELS,
	...FLUX,
	...GROK,
	...HAPPYHORSE,
	...OMNI,
	...SORA,
];

const byId = new Map(CATALOGUE.map((model) => [model.id, model]));

/** The catalogue entry of a model ID (case and spaces forgiven), or undefined for a model we do not know. */
export function findModel(id: unknown): ModelRules | undefined {
	return typeof id === 'string' ? byId.get(id.trim().toLowerCase()) : undefined;
}

/** Operations of the node, and the model actions each may send (Edit also reworks: finalize, regenerate). */
export const OPERATION_ACTIONS: Record<string, ActionName[]> = {
	generate: ['generate'],
	extend: ['extend'],
	edit: ['edit', 'finalize', 'regenerate'],
};

/** The model action an operation sends for this model, or undefined when the model has none. */
export function actionFor(model: ModelRules, operation: string): ActionName | undefined {
	return (ownEntry(OPERATION_ACTIONS, operation) ?? []).find((action) => model.actions[action]);
}
