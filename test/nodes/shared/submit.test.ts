import type { IDataObject } from 'n8n-workflow';

import { runNode } from '../../helpers/run-node';
import { executeContext } from '../../helpers/execute-context';
import { FakeApi, ok, status } from '../../helpers/fake-api';
import { useFakeClock } from '../../helpers/fake-clock';
import { generateParams as generate, qingbo } from '../../helpers/fake-qingbo';

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

	it('moves extra fields to the body root when the API rejects `extra`', async () => {
		const api = new FakeApi().on(
			'POST',
			'/v1/tasks',
			status(400, { code: 'capability_violation', param: 'extra' }),
			ok({ task_id: 'task_r', status: 'queued' }),
		);
		const params = {
			resource: 'video',
			operation: 'remix',
			model: 'sora-2',
			prompt: 'neon',
			sourceTaskId: 'task_src',
			strength: '3',
			waitMode: 'none',
			options: {},
		};
		const [output] = await runNode(executeContext(api, params));
		expect(output[0].json).toMatchObject({ task_id: 'task_r', status: 'queued' });
		const [rejected, accepted] = api.calls.map((c) => c.body as IDataObject);
		expect(rejected.extra).toEqual({ video_id: 'task_src', strength: 3 });
		expect(accepted).toEqual({
			model: 'sora-2',
			action: 'remix',
			prompt: 'neon',
			video_id: 'task_src',
			strength: 3,
		});
		expect(api.calls[0].headers).not.toEqual(api.calls[1].headers);
	});

	it('merges Options › Extra and Additional Fields, and sends no empty extra', async () => {
		const { api, bodies } = qingbo();
		const params = {
			...generate,
			model: 'veo3.1-fast',
			waitMode: 'none',
			options: {
				extra: '{"seed": 7}',
				additionalFields: { generate_audio: true },
				callbackUrl: 'https://n8n.test/webhook/x/sora?secret=s',
			},
		};
		await runNode(executeContext(api, params));
		expect(bodies[0]).toMatchObject({
			model: 'veo3.1-fast',
			extra: { seed: 7 },
			generate_audio: true,
			callback_url: 'https://n8n.test/webhook/x/sora?secret=s',
		});
		const plain = qingbo();
		await runNode(executeContext(plain.api, { ...generate, waitMode: 'none' }));
		expect(plain.bodies[0]).not.toHaveProperty('extra');
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
		expect(bodies.map((body) => body.callback_url)).toEqual([resumeUrl, resumeUrl]);
		expect(ctx.putExecutionToWait).toHaveBeenCalledTimes(1);
		expect(ctx.putExecutionToWait).toHaveBeenCalledWith(new Date(Date.now() + 900_000));
		const rows = (executeData.data as { main: Array<Array<{ json: IDataObject }>> }).main[0];
		expect(rows.map((row) => [row.json.task_id, row.json.timed_out])).toEqual([
			['task_0', true],
			[undefined, undefined],
			['task_1', true],
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
		expect(bodies[0].callback_url).toBe(resumeUrl);
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
