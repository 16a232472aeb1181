import type { IDataObject } from 'n8n-workflow';

import { runNode } from '../../../helpers/run-node';
import { executeContext } from '../../../helpers/execute-context';
import { FakeApi, status } from '../../../helpers/fake-api';
import { useFakeClock } from '../../../helpers/fake-clock';
import { generateParams as generate, keyedQingbo, qingbo } from '../../../helpers/fake-qingbo';
import { callbackToken } from '../../../../nodes/shared/callbacks/callback-token';

jest.mock('n8n-workflow', () => ({
	...jest.requireActual('n8n-workflow'),
	sleep: jest.fn(async (ms: number) => jest.setSystemTime(Date.now() + ms)),
}));
useFakeClock();

/** The flow Generate, Remix and Extend share; each operation's own request is tested in its file. */
describe('submitAndWait', () => {
	it('sends an idempotency key that is stable for the same execution and item, and differs per item', async () => {
		const first = qingbo();
		await runNode(executeContext(first.api, generate, { items: 2 }));
		const again = qingbo();
		await runNode(executeContext(again.api, generate, { items: 2 }));
		const keys = (api: FakeApi) =>
			api.calls
				.filter((c) => c.method === 'POST')
				.map((c) => (c.headers as IDataObject)['Idempotency-Key']);
		expect(keys(again.api)).toEqual(keys(first.api));
		expect(new Set(keys(first.api)).size).toBe(2);
		const otherExecution = qingbo();
		await runNode(
			executeContext(otherExecution.api, generate, { items: 2, executionId: 'exec-2' }),
		);
		expect(keys(otherExecution.api)[0]).not.toEqual(keys(first.api)[0]);
	});

	it('in callback mode parks a whole batch once: every task with the one resume URL, a row per item in order', async () => {
		const { api, bodies } = qingbo();
		const ctx = executeContext(
			api,
			{
				...generate,
				prompt: (i: number) => (i === 1 ? '' : `clip ${i}`),
				waitMode: 'callback',
				options: { timeout: 900 },
			},
			{ items: 3, continueOnFail: true },
		);
		const resumeUrl = 'https://n8n.test/webhook-waiting/42?signature=abc';
		ctx.evaluateExpression.mockReturnValue(resumeUrl);
		const executeData = {} as IDataObject;
		ctx.getExecuteData.mockReturnValue(executeData as never);
		await runNode(ctx);
		// The resume URL, n8n's signature intact, with the node's token for this execution.
		const callbackUrl = `${resumeUrl}&qingbo_token=${callbackToken('sk-secret', 'exec-1', 'node-1')}`;
		expect(bodies.map((body) => body.callback_url)).toEqual([callbackUrl, callbackUrl]);
		expect(ctx.putExecutionToWait).toHaveBeenCalledTimes(1);
		expect(ctx.putExecutionToWait).toHaveBeenCalledWith(new Date(Date.now() + 900_000));
		const rows = (executeData.data as { main: Array<Array<{ json: IDataObject }>> }).main[0];
		expect(
			rows.map((row) => [row.json.task_id, row.json.timed_out, row.json.callback_signed]),
		).toEqual([
			['task_0', true, true],
			[undefined, undefined, undefined],
			['task_1', true, true],
		]);
		expect(rows[1].json.error).toMatch(/Prompt/);
		expect(api.calls.filter((c) => c.method === 'GET')).toHaveLength(0);
	});

	it('in callback mode submits with the resume URL, leaves the parked row as input and parks until the timeout', async () => {
		const { api, bodies } = qingbo();
		const ctx = executeContext(api, {
			...generate,
			waitMode: 'callback',
			options: { timeout: 600, callbackUrl: 'https://elsewhere.test/hook' },
		});
		const resumeUrl = 'https://n8n.test/webhook-waiting/42?signature=abc';
		ctx.evaluateExpression.mockReturnValue(resumeUrl);
		const executeData = {} as IDataObject;
		ctx.getExecuteData.mockReturnValue(executeData as never);
		const [output] = await runNode(ctx);
		expect(bodies[0].callback_url).toBe(
			`${resumeUrl}&qingbo_token=${callbackToken('sk-secret', 'exec-1', 'node-1')}`,
		);
		expect(ctx.putExecutionToWait).toHaveBeenCalledWith(new Date(Date.now() + 600_000));
		expect(executeData.data).toEqual({
			main: [
				[
					{
						json: expect.objectContaining({ task_id: 'task_0', timed_out: true }),
						pairedItem: { item: 0 },
					},
				],
			],
		});
		expect(output).toEqual([
			{ json: expect.objectContaining({ task_id: 'task_0' }), pairedItem: { item: 0 } },
		]);
		expect(api.count('GET', '/v1/tasks/task_0')).toBe(0);
	});

	it.each([
		[{ timeout: 'soon' }, /^Options › Timeout \(Seconds\): "soon" is not usable$/],
		[{ timeout: 10 * 24 * 3600 }, /^Options › Timeout \(Seconds\): 864000 is not usable$/],
		[{ pollInterval: -1 }, /^Options › Poll Interval \(Seconds\): -1 is not usable$/],
		[{ maxSpendUsd: 'lots' }, /^Options › Max Spend \(USD\): "lots" is not usable$/],
		[{ maxDownloadMb: 0 }, /^Options › Max Download Size \(MB\): 0 is not usable$/],
	])(
		'refuses a Timeout, Poll Interval or Max Spend that is not a number of a sane size (%j), before any submit',
		async (options, message) => {
			const { api } = qingbo();
			const error = await runNode(
				executeContext(api, { ...generate, waitMode: 'poll', options }),
			).catch((e) => e);
			expect(error.message).toMatch(message);
			expect(api.count('POST', '/v1/tasks')).toBe(0);
		},
	);

	it("in Don't Wait mode returns the queued task without reading it", async () => {
		const { api } = qingbo();
		const [output] = await runNode(
			executeContext(api, { ...generate, waitMode: 'none' }, { items: 2 }),
		);
		expect(output.map((item) => item.json)).toEqual([
			expect.objectContaining({ task_id: 'task_0', status: 'queued' }),
			expect.objectContaining({ task_id: 'task_1', status: 'queued' }),
		]);
		expect(api.calls.filter((c) => c.method === 'GET')).toHaveLength(0);
	});
});

/** Options › Idempotency Key: a batch run again gets back the tasks it created instead of paying twice. */
describe('submitAndWait with Options › Idempotency Key', () => {
	const keyed = (extra: IDataObject = {}) => ({
		resource: 'video',
		operation: 'generate',
		model: 'veo3.1-fast',
		prompt: (i: number) => (i === 1 ? 'clip 1 [fail]' : `clip ${i}`),
		modelFields: { mappingMode: 'defineBelow', value: { duration: 8 } },
		waitMode: 'poll',
		...extra,
		options: { idempotencyKey: (i: number) => `row-${i}`, ...(extra.options as IDataObject) },
	});
	const paramsOf = (extra: IDataObject) => {
		const params = keyed(extra) as Record<string, unknown>;
		// Options per item, as n8n resolves an expression in them.
		const options = params.options as IDataObject;
		params.options = (i: number) =>
			Object.fromEntries(
				Object.entries(options).map(([k, v]) => [k, typeof v === 'function' ? v(i) : v]),
			);
		return params;
	};
	const later = () => jest.setSystemTime(Date.now() + 10 * 60_000);
	/** A second execution of the version-2 node that may park: its resume URL and stored input. */
	const parkingRun = (api: FakeApi, params: Record<string, unknown>, items: number) => {
		const ctx = executeContext(api, params, { items, typeVersion: 2, executionId: 'exec-2' });
		ctx.evaluateExpression.mockReturnValue('https://n8n.test/webhook-waiting/2?signature=b');
		const executeData = {} as IDataObject;
		ctx.getExecuteData.mockReturnValue(executeData as never);
		return { ctx, executeData };
	};
	const failureOf = async (running: Promise<unknown>) =>
		(await running.then(
			() => {
				throw new Error('expected the node to fail');
			},
			(error: Error & { description?: string }) => error,
		)) as Error & { description?: string };

	it('a batch that failed on one row, run again twice, creates no new task; rows say reused', async () => {
		const fake = keyedQingbo();
		fake.api.always('GET', '/v1/models', status(500));
		const run = (executionId: string, continueOnFail = false) =>
			runNode(
				executeContext(fake.api, paramsOf({}), {
					items: 3,
					typeVersion: 2,
					executionId,
					continueOnFail,
				}),
			);
		const first = await failureOf(run('exec-1'));
		expect(first.message).toMatch(/^Task task_1 failed/);
		expect(first.description).toMatch(/Idempotency Key is set: run the workflow again/);
		expect(fake.created()).toBe(3);

		later();
		const again = await failureOf(run('exec-2'));
		expect(again.message).toMatch(/^Task task_1 failed/);
		expect(again.description).toMatch(/came back from an earlier run .* change the prompt/);
		expect(fake.created()).toBe(3);

		later();
		const readsBefore = fake.api.count('GET', '/v1/tasks/task_0');
		const [rows] = await run('exec-3', true);
		expect(fake.created()).toBe(3);
		expect(rows.map((row) => [row.json.task_id, row.json.status, row.json.reused])).toEqual([
			['task_0', 'completed', true],
			['task_1', 'failed', true],
			['task_2', 'completed', true],
		]);
		// Finished already: read once, output without waiting.
		expect(fake.api.count('GET', '/v1/tasks/task_0') - readsBefore).toBe(1);
		expect(rows[0].json).toMatchObject({ cost_usd: 0.576, pre_consumed_cost_usd: 0.576 });
		expect(rows[1].json.error).toMatch(/task_1 failed/);
	});

	it('the first run marks its new tasks reused: false; without the option no row has reused', async () => {
		const fake = keyedQingbo();
		fake.api.always('GET', '/v1/models', status(500));
		const [rows] = await runNode(
			executeContext(fake.api, paramsOf({ waitMode: 'none' }), { items: 2, typeVersion: 2 }),
		);
		expect(rows.map((row) => row.json.reused)).toEqual([false, false]);
		const plain = keyedQingbo();
		plain.api.always('GET', '/v1/models', status(500));
		const [plainRows] = await runNode(
			executeContext(
				plain.api,
				{ ...keyed({ waitMode: 'none' }), options: {} },
				{ typeVersion: 2 },
			),
		);
		expect(plainRows[0].json).not.toHaveProperty('reused');
	});

	it('the key is the same in every execution and whatever resume URL a parked run sends', async () => {
		const fake = keyedQingbo();
		fake.api.always('GET', '/v1/models', status(500));
		for (const [executionId, resumeUrl] of [
			['exec-1', 'https://n8n.test/webhook-waiting/1?signature=a'],
			['exec-2', 'https://n8n.test/webhook-waiting/2?signature=b'],
		]) {
			const ctx = executeContext(fake.api, paramsOf({ waitMode: 'callback', prompt: 'same' }), {
				items: 2,
				typeVersion: 2,
				executionId,
			});
			ctx.evaluateExpression.mockReturnValue(resumeUrl);
			ctx.getExecuteData.mockReturnValue({} as never);
			await runNode(ctx);
			later();
		}
		expect(fake.keys.slice(2)).toEqual(fake.keys.slice(0, 2));
		expect(new Set(fake.keys).size).toBe(2); // one per item's key
		expect(fake.created()).toBe(2);
	});

	it('Max Spend counts only what the run newly reserves: given-back tasks cost nothing new', async () => {
		const fake = keyedQingbo();
		fake.api.always('GET', '/v1/models', status(500));
		const capped = (items: number, executionId: string) =>
			runNode(
				executeContext(
					fake.api,
					paramsOf({ waitMode: 'none', prompt: 'clip', options: { maxSpendUsd: 1.2 } }),
					{ items, typeVersion: 2, executionId },
				),
			);
		await capped(2, 'exec-1'); // 2 x $0.576 reserved
		later();
		const [rows] = await capped(4, 'exec-2'); // 2 given back, 2 new: $1.152 new, within $1.2
		expect(rows.map((row) => [row.json.task_id, row.json.reused])).toEqual([
			['task_0', true],
			['task_1', true],
			['task_2', false],
			['task_3', false],
		]);
		later();
		// 7 items: 4 given back, 3 new; the third new one would pass $1.2 and is not sent.
		const error = await failureOf(capped(7, 'exec-3'));
		expect(error.message).toMatch(/Max Spend/);
		expect(fake.created()).toBe(6);
	});

	it('Pause Until Callback: given-back finished tasks have their rows; only the new task parks', async () => {
		const fake = keyedQingbo();
		fake.api.always('GET', '/v1/models', status(500));
		const params = { prompt: (i: number) => `clip ${i}` };
		await runNode(executeContext(fake.api, paramsOf(params), { items: 2, typeVersion: 2 }));
		later();
		const { ctx, executeData } = parkingRun(
			fake.api,
			paramsOf({ ...params, waitMode: 'callback' }),
			3,
		);
		await runNode(ctx);
		expect(ctx.putExecutionToWait).toHaveBeenCalledTimes(1);
		const rows = (executeData.data as { main: Array<Array<{ json: IDataObject }>> }).main[0];
		expect(rows.map((row) => [row.json.task_id, row.json.status, row.json.timed_out])).toEqual([
			['task_0', 'completed', undefined],
			['task_1', 'completed', undefined],
			['task_2', 'queued', true],
		]);
		expect(rows[2].json.error).toMatch(/^No callback for task task_2 within/);
	});

	it('Pause Until Callback: a given-back task still running calls back its first execution, so the batch is followed here', async () => {
		const fake = keyedQingbo();
		fake.api.always('GET', '/v1/models', status(500));
		const params = { prompt: (i: number) => `clip ${i}`, waitMode: 'none' };
		await runNode(executeContext(fake.api, paramsOf(params), { items: 1, typeVersion: 2 }));
		later();
		const { ctx } = parkingRun(fake.api, paramsOf({ ...params, waitMode: 'callback' }), 2);
		const [rows] = await runNode(ctx);
		expect(ctx.putExecutionToWait).not.toHaveBeenCalled();
		expect(rows.map((row) => [row.json.task_id, row.json.status, row.json.reused])).toEqual([
			['task_0', 'completed', true],
			['task_1', 'completed', false],
		]);
		expect(fake.created()).toBe(2);
	});
});
