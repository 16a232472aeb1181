import { SoraTrigger } from '../../../nodes/SoraTrigger/SoraTrigger.node';
import { FakeApi, ok } from '../../helpers/fake-api';
import { webhookContext } from '../../helpers/webhook-context';
import { useFakeClock } from '../../helpers/fake-clock';

// Retries run on a fake clock: `sleep` moves time forward instead of passing it.
jest.mock('n8n-workflow', () => ({
	...jest.requireActual('n8n-workflow'),
	sleep: jest.fn(async (ms: number) => jest.setSystemTime(Date.now() + ms)),
}));
useFakeClock();

const trigger = new SoraTrigger();
const completed = (id: string) =>
	ok({
		task_id: id,
		status: 'completed',
		result: { videos: [{ url: [`https://cdn/${id}.mp4`] }] },
	});

describe('QingBo Trigger webhook', () => {
	it('emits the task as read from the API, not as the body claims', async () => {
		const api = new FakeApi().on('GET', '/v1/tasks/task_a', completed('task_a'));
		const { ctx } = webhookContext(
			api,
			{ body: { data: { task_id: 'task_a', status: 'completed', video_url: 'https://evil/x' } } },
			{ events: ['completed'] },
		);
		const result = await trigger.webhook.call(ctx);
		expect(result.workflowData?.[0][0].json).toMatchObject({
			task_id: 'task_a',
			status: 'completed',
			video_url: 'https://cdn/task_a.mp4',
		});
	});

	// 400 (no task ID), 404 and 503 are readCallbackTask's: test/nodes/shared/callback-request.test.ts.

	it('ignores statuses that are not terminal and events that were not chosen', async () => {
		const api = new FakeApi().on(
			'GET',
			'/v1/tasks/task_p',
			ok({ task_id: 'task_p', status: 'processing' }),
		);
		const processing = webhookContext(
			api,
			{ body: { task_id: 'task_p' } },
			{ events: ['completed', 'failed'] },
		);
		expect((await trigger.webhook.call(processing.ctx)).workflowData).toBeUndefined();
		expect(processing.response).toMatchObject({
			status: 200,
			body: { started: false, status: 'processing' },
		});

		const failedApi = new FakeApi().on(
			'GET',
			'/v1/tasks/task_f',
			ok({ task_id: 'task_f', status: 'failed' }),
		);
		const notChosen = webhookContext(
			failedApi,
			{ body: { task_id: 'task_f' } },
			{ events: ['completed'] },
		);
		expect((await trigger.webhook.call(notChosen.ctx)).workflowData).toBeUndefined();
	});

	it('starts once per task outcome in this process: a duplicate is answered but starts nothing', async () => {
		const api = new FakeApi().always('GET', '/v1/tasks/task_d', completed('task_d'));
		const first = webhookContext(api, { body: { task_id: 'task_d' } }, { events: ['completed'] });
		const second = webhookContext(api, { body: { task_id: 'task_d' } }, { events: ['completed'] });
		const started = await trigger.webhook.call(first.ctx);
		expect(started.workflowData?.[0][0].json.delivery_key).toBe('task_d:completed');
		expect(started.webhookResponse).toEqual({
			received: true,
			task_id: 'task_d',
			status: 'completed',
			started: true,
		});
		expect((await trigger.webhook.call(second.ctx)).workflowData).toBeUndefined();
		expect(second.response.body).toMatchObject({ duplicate: true });
	});

	it('leaves a delivery whose video did not download to the retry (503), then starts once', async () => {
		const api = new FakeApi().always('GET', '/v1/tasks/task_v', completed('task_v'));
		const params = { events: ['completed'], download: true };
		/** One delivery of the callback, whose download from the CDN fails first when `cdnFails`. */
		const deliver = async (cdnFails: boolean) => {
			const delivery = webhookContext(api, { body: { task_id: 'task_v' } }, params);
			const cdn = delivery.ctx.helpers.httpRequest;
			if (cdnFails) cdn.mockRejectedValueOnce(new Error('socket hang up'));
			cdn.mockResolvedValue({
				statusCode: 200,
				headers: { 'content-type': 'video/mp4' },
				body: 'bytes',
			});
			delivery.ctx.helpers.prepareBinaryData.mockResolvedValue({
				data: '',
				mimeType: 'video/mp4',
				fileName: 'task_v.mp4',
			});
			return { ...delivery, result: await trigger.webhook.call(delivery.ctx) };
		};
		const failed = await deliver(true);
		expect(failed.result.workflowData).toBeUndefined();
		expect(failed.response).toMatchObject({
			status: 503,
			body: { received: false, task_id: 'task_v', started: false },
		});
		// The sender retries; this copy's download works: the one execution starts now.
		const started = (await deliver(false)).result;
		expect(started.workflowData?.[0][0].binary?.data).toMatchObject({ mimeType: 'video/mp4' });
		const again = webhookContext(api, { body: { task_id: 'task_v' } }, params);
		expect((await trigger.webhook.call(again.ctx)).workflowData).toBeUndefined();
		expect(again.response.body).toMatchObject({ duplicate: true });
	});

	it('a copy arriving while the first download fails waits, then delivers: one execution, no internal text in the 503', async () => {
		const api = new FakeApi().always('GET', '/v1/tasks/task_w', completed('task_w'));
		const params = { events: ['completed'], download: true };
		const delivery = (cdn: () => Promise<unknown>) => {
			const copy = webhookContext(api, { body: { task_id: 'task_w' } }, params);
			copy.ctx.helpers.httpRequest.mockImplementation(cdn as never);
			copy.ctx.helpers.prepareBinaryData.mockResolvedValue({
				data: '',
				mimeType: 'video/mp4',
				fileName: 'task_w.mp4',
			});
			return { ...copy, result: trigger.webhook.call(copy.ctx) };
		};
		let failDownload: (error: Error) => void = () => {};
		const failing = delivery(
			async () =>
				await new Promise((_resolve, reject) => {
					failDownload = reject;
				}),
		);
		// The first copy is downloading; the second reads the task and waits for the first.
		for (let turn = 0; turn < 200 && api.count('GET', '/v1/tasks/task_w') < 1; turn++)
			await Promise.resolve();
		const copy = delivery(async () => ({
			statusCode: 200,
			headers: { 'content-type': 'video/mp4' },
			body: 'bytes',
		}));
		for (let turn = 0; turn < 200; turn++) await Promise.resolve();
		expect(copy.response.status).toBe(0); // not answered yet: waiting
		failDownload(new Error('connect ECONNREFUSED 10.1.2.3:443'));
		const [first, second] = [await failing.result, await copy.result];
		expect(first.workflowData).toBeUndefined();
		expect(failing.response.status).toBe(503);
		expect(JSON.stringify(failing.response.body)).not.toMatch(/ECONNREFUSED|10\.1\.2\.3/);
		expect(second.workflowData?.[0]).toHaveLength(1);
		expect(copy.response.status).toBe(0); // answered by n8n with webhookResponse, not a reply
	});

	it('answers 400 to a task ID made only of dots, without reading anything', async () => {
		const api = new FakeApi();
		const { ctx, response } = webhookContext(
			api,
			{ body: { task_id: '..' } },
			{ events: ['completed'] },
		);
		expect((await trigger.webhook.call(ctx)).workflowData).toBeUndefined();
		expect(response.status).toBe(400);
		expect(api.calls).toHaveLength(0);
	});

	it('checks the optional secret from the query or a header, in constant time', async () => {
		const api = new FakeApi().always('GET', '/v1/tasks/task_s', completed('task_s'));
		const params = { events: ['completed'], secret: 'open-sesame' };
		const missing = webhookContext(api, { body: { task_id: 'task_s' } }, params);
		expect((await trigger.webhook.call(missing.ctx)).workflowData).toBeUndefined();
		expect(missing.response.status).toBe(401);
		expect(api.calls).toHaveLength(0);
		const wrong = webhookContext(
			api,
			{ body: { task_id: 'task_s' }, query: { secret: 'open-sesamE' } },
			params,
		);
		expect((await trigger.webhook.call(wrong.ctx)).workflowData).toBeUndefined();
		const header = webhookContext(
			api,
			{ body: { task_id: 'task_s' }, headers: { 'x-qingbo-secret': 'open-sesame' } },
			params,
		);
		expect((await trigger.webhook.call(header.ctx)).workflowData).toHaveLength(1);
	});
});

// The public contract: saved workflows store these names and omit default values.
describe('QingBo Trigger: the public names and defaults saved workflows rely on', () => {
	const { description } = trigger;
	const parameter = (name: string) => description.properties.find((p) => p.name === name);

	it('is the node type "soraTrigger", version 1, with the qingboApi credential and a POST webhook', () => {
		expect(description).toMatchObject({
			name: 'soraTrigger',
			displayName: 'QingBo Trigger',
			defaults: { name: 'QingBo Trigger' },
			version: 1,
		});
		expect(description.credentials).toEqual([{ name: 'qingboApi', required: true }]);
		expect(description.webhooks).toEqual([
			expect.objectContaining({
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				path: 'sora',
			}),
		]);
	});

	it('has events (completed, failed, cancelled; default completed and failed), download, binaryPropertyName and secret', () => {
		const events = parameter('events');
		expect(events?.options?.map((o) => ('value' in o ? o.value : undefined)).sort()).toEqual([
			'cancelled',
			'completed',
			'failed',
		]);
		expect(events?.default).toEqual(['completed', 'failed']);
		expect(parameter('download')?.default).toBe(false);
		expect(parameter('binaryPropertyName')?.default).toBe('data');
		expect(parameter('secret')?.default).toBe('');
		// New: a saved trigger without it downloads up to 2 GiB, as the node now caps every download.
		expect(parameter('maxDownloadMb')).toMatchObject({
			type: 'number',
			default: 2048,
			displayOptions: { show: { download: [true] } },
		});
	});

	it("tells the builder how to act once per outcome: the README's Remove Duplicates recipe", () => {
		const notice = parameter('duplicatesNotice');
		expect(notice?.type).toBe('notice');
		for (const part of ['Remove Duplicates', '{{ $json.delivery_key }}', 'Retry On Fail'])
			expect(notice?.displayName).toContain(part);
	});
});
