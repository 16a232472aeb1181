import type { IDataObject } from 'n8n-workflow';

import { RULES_AS_OF } from '../../../../../../nodes/shared/models/describe';
import { runNode } from '../../../../../helpers/run-node';
import { runRejection as rejection } from '../../../../../helpers/rejection';
import { executeContext } from '../../../../../helpers/execute-context';
import { FakeApi, ok, status } from '../../../../../helpers/fake-api';

/** Video › Generate on version 2: the request the node sends, and what it refuses before sending. */
const generate = (model: string, value: IDataObject | null, extra: IDataObject = {}) => ({
	resource: 'video',
	operation: 'generate',
	model,
	prompt: 'A fox in the snow',
	modelFields: { mappingMode: 'defineBelow', value },
	waitMode: 'none',
	options: {},
	...extra,
});

async function run(params: IDataObject, api = new FakeApi(), options = {}) {
	api.always(
		'POST',
		'/v1/tasks',
		ok({ task_id: 'task-1', status: 'queued', pre_consumed_cost: 288000 }),
	);
	const [output] = await runNode(executeContext(api, params, { typeVersion: 2, ...options }));
	return {
		output,
		api,
		bodies: api.calls.filter((c) => c.method === 'POST').map((c) => c.body as IDataObject),
	};
}

describe('Video › Generate (version 2)', () => {
	it("sends the model's own fields at the body root, typed as the API wants", async () => {
		const { bodies, output } = await run(
			generate('veo3.1-fast', {
				duration: '8',
				resolution: '1080p',
				generate_audio: 'true',
				seed: null,
			}),
		);
		expect(bodies).toEqual([
			{
				model: 'veo3.1-fast',
				action: 'generate',
				duration: 8,
				resolution: '1080p',
				generate_audio: true,
				prompt: 'A fox in the snow',
			},
		]);
		expect(output[0].json).toMatchObject({ task_id: 'task-1', pre_consumed_cost_usd: 0.576 });
	});

	it('merges Options › Additional Fields last, unchecked (the escape hatch), and sets callback_url', async () => {
		const { bodies } = await run(
			generate(
				'veo3.1-fast',
				{ duration: 8 },
				{
					options: {
						additionalFields: '{"brand_new_field": 1}',
						callbackUrl: 'https://n8n.test/hook',
					},
				},
			),
		);
		expect(bodies[0]).toMatchObject({
			brand_new_field: 1,
			duration: 8,
			callback_url: 'https://n8n.test/hook',
		});
		expect(bodies[0].extra).toBeUndefined();
	});

	it('passes a model the catalogue does not know through for the API to judge', async () => {
		const { bodies } = await run(generate('brand-new-model', { anything: 'goes' }));
		expect(bodies[0]).toEqual({
			model: 'brand-new-model',
			action: 'generate',
			anything: 'goes',
			prompt: 'A fox in the snow',
		});
	});

	it.each([
		[
			'an undeclared field',
			generate('minimax-hailuo-2.3', { aspect_ratio: '16:9' }),
			/aspect_ratio/,
		],
		['a value out of the enum', generate('kling-v2-6', { duration: 7 }), /duration/],
		[
			'a broken cross-field rule',
			generate('veo3.1-fast', { duration: 6, resolution: '4k' }),
			/duration/,
		],
		['Sora, delisted', generate('sora-2', {}), /delisted by QingBo on 2026-09-24/],
	])('refuses %s before any call', async (_case, params, message) => {
		const api = new FakeApi();
		await expect(runNode(executeContext(api, params, { typeVersion: 2 }))).rejects.toThrow(message);
		expect(api.calls).toHaveLength(0);
	});

	it('names the item and what the model takes in the error an AI agent reads', async () => {
		const api = new FakeApi();
		const error = await rejection(
			runNode(executeContext(api, generate('kling-v2-6', { duration: 7 }), { typeVersion: 2 })),
		);
		expect(error.message).toBe('Model Fields › duration: 7 is not allowed for kling-v2-6');
		expect(error.description).toBe(
			`Model Fields › duration (item 0): 7 is not allowed for kling-v2-6. kling-v2-6 takes duration as 5 or 10 s. ${RULES_AS_OF}`,
		);
		expect(error.context.itemIndex).toBe(0);
	});

	it('with Check Model Rules off, sends what the rules would refuse, its Model Fields still typed', async () => {
		const off = { options: { checkModelRules: false } };
		const { bodies } = await run(
			generate('kling-v2-6', { duration: '7', resolution: '4k', brand_new_field: 'x' }, off),
		);
		expect(bodies).toEqual([
			{
				model: 'kling-v2-6',
				action: 'generate',
				duration: 7,
				resolution: '4k',
				brand_new_field: 'x',
				prompt: 'A fox in the snow',
			},
		]);
		// Even a model the catalogue says is delisted: QingBo has the last word.
		const delisted = await run(generate('sora-2', { seconds: 4 }, off));
		expect(delisted.bodies).toEqual([
			{ model: 'sora-2', action: 'generate', seconds: 4, prompt: 'A fox in the snow' },
		]);
	});

	it.each([
		['duration', 'Model Fields › duration', { duration: 8 }, {}],
		[
			'style',
			'Options › Additional Fields › style',
			{ duration: 8 },
			{ additionalFields: '{"style": "noir"}' },
		],
	])(
		'names where the field QingBo refused (400 on %s) is set: %s',
		async (param, where, value, options) => {
			const api = new FakeApi().on(
				'POST',
				'/v1/tasks',
				status(400, { code: 'capability_violation', param, message: `bad ${param}` }),
			);
			const error = await rejection(
				runNode(
					executeContext(api, generate('veo3.1-fast', value, { options }), { typeVersion: 2 }),
				),
			);
			expect(error.message).toBe(`QingBo rejected the request: bad ${param}`);
			expect(error.description).toBe(`Check the "${where}" field and run again.`);
		},
	);

	it('with Continue On Fail, a bad item gets its row and the good ones are still sent', async () => {
		const params = generate('kling-v2-6', null, {
			modelFields: (i: number) => ({
				mappingMode: 'defineBelow',
				value: { duration: i === 1 ? 7 : 5 },
			}),
		});
		const { output, bodies } = await run(params, new FakeApi(), { items: 3, continueOnFail: true });
		expect(bodies).toHaveLength(2);
		expect(output.map((item) => item.json.error ?? item.json.task_id)).toEqual([
			'task-1',
			'Model Fields › duration: 7 is not allowed for kling-v2-6',
			'task-1',
		]);
	});
});

describe('Max Spend (USD) in the flow', () => {
	const batch = (maxSpendUsd: number) =>
		generate('veo3.1-fast', { duration: 8 }, { options: { maxSpendUsd } });

	it('refuses a batch whose list price cannot fit before the first submit, saying the estimate', async () => {
		const api = new FakeApi().on('GET', '/v1/models', status(500));
		const error = await rejection(
			runNode(executeContext(api, batch(1), { typeVersion: 2, items: 3 })),
		);
		expect(error.message).toContain(
			'would reserve about $1.728, over the limit of $1; nothing was submitted',
		);
		expect(error.description).toContain('fit 1 of 3');
		expect(api.count('POST', '/v1/tasks')).toBe(0);
	});

	it('uses the key price_config over the list price', async () => {
		const api = new FakeApi().on(
			'GET',
			'/v1/models',
			ok({ data: [{ id: 'veo3.1-fast', price_config: { video_prices: { '720p': 0.2 } } }] }),
		);
		const error = await rejection(runNode(executeContext(api, batch(1), { typeVersion: 2 })));
		expect(error.message).toContain('would reserve about $1.6, over the limit of $1');
		expect(api.count('GET', '/v1/models')).toBe(1);
		expect(api.count('POST', '/v1/tasks')).toBe(0);
	});

	it('with Continue On Fail submits what fits; the rest get rows with the limit and the total reserved', async () => {
		const api = new FakeApi().on('GET', '/v1/models', ok({ data: [] }));
		const { output, bodies } = await run(batch(1.2), api, { items: 4, continueOnFail: true });
		expect(bodies).toHaveLength(2);
		const refused = output.filter((item) => item.json.not_submitted);
		expect(refused).toHaveLength(2);
		expect(refused[0].json).toMatchObject({ max_spend_usd: 1.2, reserved_usd: 1.152 });
		expect(refused[0].json.errorDescription).toContain('reserved $1.152 of its $1.2 limit');
	});

	it('cancels a task that reserved more than its place under the cap, and says so', async () => {
		const api = new FakeApi()
			.on('GET', '/v1/models', ok({ data: [] }))
			.always(
				'POST',
				'/v1/tasks',
				ok({ task_id: 'task-dear', status: 'queued', pre_consumed_cost: 5_000_000 }),
			)
			.on('POST', '/v1/tasks/task-dear/cancel', ok({ task_id: 'task-dear', status: 'cancelled' }));
		const [output] = await runNode(
			executeContext(api, batch(1), { typeVersion: 2, continueOnFail: true }),
		);
		expect(output[0].json).toMatchObject({
			task_id: 'task-dear',
			status: 'cancelled',
			not_submitted: true,
		});
		expect(output[0].json.error).toBe(
			'Task task-dear reserved $10, over the Max Spend (USD) of $1: it was cancelled and refunded',
		);
	});

	it('does not read the model list when no cap is set', async () => {
		const { api } = await run(generate('veo3.1-fast', { duration: 8 }), new FakeApi(), {
			items: 2,
		});
		expect(api.count('GET', '/v1/models')).toBe(0);
	});
});

describe('a 402 mid-batch', () => {
	it('names the tasks already started and sends no more', async () => {
		let submits = 0;
		const api = new FakeApi().always('POST', '/v1/tasks', () =>
			++submits <= 2
				? { statusCode: 200, body: { task_id: `task-${submits}`, status: 'queued' } }
				: {
						statusCode: 402,
						body: { error: { message: 'Insufficient balance', code: 'insufficient_balance' } },
					},
		);
		const params = generate('veo3.1-fast', { duration: 8 });
		const error = await rejection(
			runNode(executeContext(api, params, { typeVersion: 2, items: 12 })),
		);
		expect(error.message).toMatch(/balance is too low \(HTTP 402\)/);
		expect(error.description).toContain('task-1 (item');
		expect(error.description).toContain('task-2 (item');
		expect(submits).toBeLessThan(12);
	});
});
