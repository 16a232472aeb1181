import type { IDataObject } from 'n8n-workflow';

import { InputError } from '../../nodes/shared/errors';
import type { ActionName, ModelRules } from '../../nodes/shared/models/types';
import { RULES_AS_OF } from '../../nodes/shared/models/describe';
import { findModel } from '../../nodes/shared/models/catalogue';
import { checkModelRequest } from '../../nodes/shared/models/validate';
import { rejection } from './rejection';

/** What the catalogue's tests share: checking a request as the node does, and what a refusal must say. */

export function model(id: string): ModelRules {
	const found = findModel(id);
	if (!found) throw new Error(`${id} is not in the catalogue`);
	return found;
}

/** Checks a request as the node does: `model` in the body, a ref_task_id source filled by the node. */
export function check(
	id: string,
	request: IDataObject,
	action: ActionName = 'generate',
): IDataObject {
	const rules = model(id).actions[action];
	const implicit = rules?.source?.via === 'ref_task_id' ? ['ref_task_id'] : [];
	return checkModelRequest(model(id), action, { model: id, ...request }, implicit);
}

/** What the user reads before the colon: the prompt, the operation, or the field under Model Fields. */
export function label(field: string): string {
	if (field === 'prompt') return 'Prompt';
	return field === 'action' ? 'Operation' : `Model Fields › ${field}`;
}

/** The rule's own fix: every refusal of the catalogue ends with the date of its rules and the way round. */
export function ruleFix(error: InputError): string {
	expect(error.fix.endsWith(` ${RULES_AS_OF}`)).toBe(true);
	return error.fix.slice(0, -RULES_AS_OF.length - 1);
}

export function expectRefused(run: () => unknown, field: string, fix: string | RegExp): InputError {
	const error = rejection(run);
	expect(error.field).toBe(label(field));
	expect(error.message.slice(0, label(field).length + 2)).toBe(`${label(field)}: `);
	expect(ruleFix(error)).toMatch(fix);
	return error;
}

/** [what is broken, model, request, field named, what the fix says, action]. */
export type Refusal = [string, string, IDataObject, string, string | RegExp, ActionName?];

export function itRefuses(cases: Refusal[]): void {
	it.each(cases)('refuses %s', (_title, id, request, field, fix, action = 'generate') => {
		expectRefused(() => check(id, request, action), field, fix);
	});
}

export const PROMPT = 'A red fox runs through snow';
export const IMG = 'https://cdn.example.com/a.png';
export const IMG2 = 'https://cdn.example.com/b.png';
export const IMG3 = 'https://cdn.example.com/c.png';
export const VID = 'https://cdn.example.com/source.mp4';
export const AUDIO = 'https://cdn.example.com/track.mp3';
export const images = (count: number): string[] =>
	Array.from({ length: count }, (_, i) => `https://cdn.example.com/${i}.png`);
