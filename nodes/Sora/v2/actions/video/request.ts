import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { InputError } from '../../../../shared/errors';
import { parseJsonObject, requireText } from '../../../../shared/submit/input';
import { delistedError, listWords, RULES_AS_OF } from '../../../../shared/models/describe';
import type { ActionName, ModelRules, SourceRule } from '../../../../shared/models/types';
import { actionFor, findModel } from '../../../../shared/models/catalogue';
import { checkModelRequest, typeModelRequest } from '../../../../shared/models/validate';
import { estimateUsd, priceListFrom, type PriceList } from '../../../../shared/spend';
import type { PrepareRequest } from '../../../../shared/submit/submit';
import type { Task } from '../../../../shared/task/task';
import { DEFAULT_TIMEOUT_S } from '../../../../shared/option-defaults';
import { linkPlannedMedia, planBinaryMedia, type BinaryMediaPlan } from './binary-media-fields';

/** Reads a task once per execution, however many items name it. */
type ReadTask = (taskId: string) => Promise<Task>;

/** What one item of Generate, Extend or Edit (version 2) will submit. */
export interface ModelRequest {
	body: IDataObject;
	/** The catalogue entry, when the node knows the model. */
	rules?: ModelRules;
	/** Where each body field was set, as the user sees it (for the API's 400s). */
	fieldSources: Record<string, string>;
	/** Binary Media: stand-ins in `body` until each file is checked and linked. */
	media?: BinaryMediaPlan;
}

/** Where each field of a version-2 body comes from: Model Fields, Additional Fields or the node's own parameters. */
function sourcesOf(
	modelFields: IDataObject,
	additional: IDataObject,
	filled: IDataObject,
): Record<string, string> {
	const sources: Record<string, string> = { model: 'Model', prompt: 'Prompt' };
	for (const field of Object.keys(modelFields)) sources[field] = `Model Fields › ${field}`;
	for (const field of Object.keys(filled)) sources[field] = 'Source Task ID';
	for (const field of Object.keys(additional))
		sources[field] = `Options › Additional Fields › ${field}`;
	return sources;
}

/** Model Fields as saved by n8n's mapper: `{ mappingMode, value: {...} }`; read raw, never via n8n's cast. */
function modelFieldValues(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const mapper = ctx.getNodeParameter('modelFields', itemIndex, {}) as { value?: unknown };
	const value = mapper?.value;
	if (value == null) return {};
	if (typeof value !== 'object' || Array.isArray(value))
		throw new InputError(
			'Model Fields',
			'must be a set of fields',
			'Pick the fields in the node, or give an object of API field names and values.',
		);
	return value as IDataObject;
}

/**
 * Reads the source task of a follow-up and turns it into what the model takes: our task ID in
 * `ref_task_id`, or its video URL in `video_urls`. The source must be completed, of a model and
 * action the follow-up accepts, and (for a URL) not expired. Reading a task is never billed.
 */
async function sourceFields(
	readTask: ReadTask,
	model: ModelRules,
	action: ActionName,
	source: SourceRule,
	sourceTaskId: string,
	enforce: boolean,
): Promise<IDataObject> {
	const task = await readTask(sourceTaskId);
	const from = `Source task ${sourceTaskId}`;
	if (task.status !== 'completed')
		throw new InputError(
			'Source Task ID',
			`${from} is ${task.status}, not completed`,
			`Only a completed task can be used to ${action}. Wait for it (Task › Wait), then run again.`,
		);
	const sourceModel = typeof task.model === 'string' ? task.model : undefined;
	if (enforce && source.models?.length && sourceModel && !source.models.includes(sourceModel))
		throw new InputError(
			'Source Task ID',
			`${from} was made by ${sourceModel}; ${model.id} can ${action} only a task of ${listWords(source.models)}`,
			`Give a task made by ${listWords(source.models)}. ${RULES_AS_OF}`,
		);
	const sourceAction = typeof task.action === 'string' ? task.action : undefined;
	if (enforce && source.actions?.length && sourceAction && !source.actions.includes(sourceAction))
		throw new InputError(
			'Source Task ID',
			`${from} is a ${sourceAction} task; ${model.id} can ${action} only a ${listWords(source.actions)} task`,
			`Give the ID of the original ${listWords(source.actions)} task. ${RULES_AS_OF}`,
		);
	if (source.via === 'ref_task_id') return { ref_task_id: sourceTaskId };
	if (!task.video_url)
		throw new InputError(
			'Source Task ID',
			`${from} is completed but has no video URL`,
			'Check the task with Task › Get; give a task that produced a video.',
		);
	if (task.expires_at !== undefined && task.expires_at * 1000 <= Date.now())
		throw new InputError(
			'Source Task ID',
			`${from}'s video link expired at ${new Date(task.expires_at * 1000).toISOString()}`,
			'QingBo deletes result files 7 days after completion. Generate the source again, or give a newer task.',
		);
	return { video_urls: [task.video_url] };
}

/**
 * Builds and checks one item's request for Generate, Extend or Edit. Every rule the catalogue knows
 * is checked here, before any billed call; a model the catalogue does not know is passed through for
 * the API to judge, and so is every request when Options › Check Model Rules is off (its Model
 * Fields still typed). Options › Additional Fields are merged last, unchecked: the escape hatch.
 */
export async function buildModelRequest(
	ctx: IExecuteFunctions,
	readTask: ReadTask,
	itemIndex: number,
	operation: 'generate' | 'extend' | 'edit',
	options: IDataObject,
): Promise<ModelRequest> {
	const modelId = requireText(
		ctx.getNodeParameter('model', itemIndex),
		'Model',
		'Pick a model or give a model ID.',
	);
	const enforce = options.checkModelRules !== false;
	const rules = findModel(modelId);
	if (rules?.delisted && enforce) throw delistedError(rules);
	const additional = parseJsonObject(options.additionalFields, 'Options › Additional Fields');
	const modelFields = modelFieldValues(ctx, itemIndex);
	const action = rules && actionFor(rules, operation);
	const given = {
		...modelFields,
		prompt: ctx.getNodeParameter('prompt', itemIndex, '') as string,
	};
	const media = planBinaryMedia(ctx, itemIndex, given, {
		rules,
		action,
		enforce,
		waitMode: ctx.getNodeParameter('waitMode', itemIndex, 'poll') as string,
		timeoutS: Number(options.timeout) || DEFAULT_TIMEOUT_S,
	});
	const request = media?.request ?? given;
	const labels = media?.sources ?? {};
	const sourcesOfItem = (filled: IDataObject) => ({
		...sourcesOf(modelFields, additional, filled),
		...labels,
	});
	const sourceTaskId =
		operation === 'generate'
			? undefined
			: requireText(
					ctx.getNodeParameter('sourceTaskId', itemIndex, ''),
					'Source Task ID',
					`Give the ID of the completed task to ${operation}, e.g. {{ $json.task_id }}.`,
				);

	if (!rules || (!action && !enforce)) {
		// Unknown to the catalogue (or its rules set aside): the API judges. A follow-up then names its
		// source by ref_task_id.
		const body: IDataObject = { model: modelId, action: operation, ...request };
		if (!body.prompt) delete body.prompt;
		const filled = sourceTaskId ? { ref_task_id: sourceTaskId } : {};
		return {
			body: { ...body, ...filled, ...additional },
			fieldSources: sourcesOfItem(filled),
			media,
		};
	}

	if (!action) {
		const supported = Object.keys(rules.actions);
		throw new InputError(
			'Operation',
			`${rules.id} cannot ${operation}`,
			`${rules.id} supports ${listWords(supported)}. Pick a model that can ${operation} (Model › Get lists what each model takes). ${RULES_AS_OF}`,
		);
	}
	const actionRules = rules.actions[action]!;
	const check = (body: IDataObject, implicit: string[] = []) =>
		enforce
			? checkModelRequest(rules, action, body, implicit, labels)
			: typeModelRequest(rules, action, body, labels);
	if (!sourceTaskId) {
		const checked = check({ ...request, model: rules.id, action });
		return {
			body: { model: rules.id, action, ...checked, ...additional },
			rules,
			fieldSources: sourcesOfItem({}),
			media,
		};
	}
	// Check the request with a stand-in for the source first: the source is read only for a valid one.
	const source = actionRules.source ?? { via: 'ref_task_id' };
	const standIn =
		source.via === 'ref_task_id'
			? { ref_task_id: sourceTaskId }
			: { video_urls: ['https://source-task.invalid/video.mp4'] };
	const checked = check({ ...request, ...standIn, model: rules.id, action }, Object.keys(standIn));
	const filled = await sourceFields(readTask, rules, action, source, sourceTaskId, enforce);
	return {
		body: { model: rules.id, action, ...checked, ...filled, ...additional },
		rules,
		fieldSources: sourcesOfItem(filled),
		media,
	};
}

/**
 * An AI agent reads only an error's description: make it say the item, the field, the value and
 * what the model takes on its own.
 */
function selfContained(error: unknown, itemIndex: number): unknown {
	if (!(error instanceof InputError)) return error;
	return new InputError(
		error.field,
		error.problem,
		`${error.field} (item ${itemIndex}): ${error.problem}. ${error.fix}`,
	);
}

/**
 * Version 2's requests for Generate, Extend and Edit. With Options › Max Spend set, each carries its
 * price estimate: the key's `price_config` (one `GET /v1/models` per execution, only then) or the
 * catalogue's list price.
 */
export function modelRequest(operation: 'generate' | 'extend' | 'edit'): PrepareRequest {
	let prices: Promise<PriceList | undefined> | undefined;
	const sources = new Map<string, Promise<Task>>();
	return async function (this: IExecuteFunctions, client, itemIndex, options) {
		const readTask: ReadTask = (taskId) => {
			if (!sources.has(taskId)) sources.set(taskId, client.getTask(taskId));
			return sources.get(taskId)!;
		};
		const { body, rules, fieldSources, identityFields } = await buildModelRequest(
			this,
			readTask,
			itemIndex,
			operation,
			options as IDataObject,
		)
			.then(async (built) => {
				if (!built.media) return { ...built, identityFields: undefined };
				const linked = await linkPlannedMedia(
					this,
					itemIndex,
					built.media,
					built.body,
					client.origin,
				);
				return { ...built, ...linked };
			})
			.catch((error: unknown) => {
				throw selfContained(error, itemIndex);
			});
		if (!((options.maxSpendUsd ?? 0) > 0)) return { body, fieldSources, identityFields };
		prices ??= client.listModelEntries().then(priceListFrom, () => undefined);
		const estimate = estimateUsd(body, rules, await prices);
		return { body, fieldSources, identityFields, estimateUsd: estimate };
	};
}
