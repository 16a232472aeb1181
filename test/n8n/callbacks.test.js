/**
 * Durable callback waiting and the QingBo Trigger, in a running n8n (`n8n start`): workflows are
 * started by HTTP, QingBo (our simulator, playing today's API) calls back, and we read what n8n
 * recorded. The video nodes are version 2 with Veo 3.1 Fast; version 1's own behaviour is proven
 * in sora-operations.test.js (and its Model list here, under "Editor calls").
 */
const { outputOf, errorOf, request, until } = require('../../tools/n8n/host');
const { useRunningN8n, submitToSimulator } = require('./suite');
const {
	CREDENTIAL,
	veoNode,
	webhookNode,
	noOpNode,
	removeSeenBeforeNode,
	soraTriggerNode,
	chainWorkflow,
} = require('../../tools/n8n/workflows');

jest.setTimeout(10 * 60_000);

/** A task as any tool would submit it to today's API (no n8n involved). */
const VEO_8S = { model: 'veo3.1-fast', duration: 8 };

const WORKFLOWS = {
	callback: chainWorkflow('qbCbResume000001', 'Video by callback', [
		webhookNode('make-video'),
		veoNode('callback', { timeout: 600 }, { prompt: '={{ $json.body.prompt }}', name: 'Sora' }),
		noOpNode('Done'),
	]),
	callbackTimeout: chainWorkflow('qbCbTimeout00001', 'Video by callback, none comes', [
		webhookNode('make-video-late'),
		veoNode('callback', { timeout: 3 }, { prompt: 'A render that never calls back', name: 'Sora' }),
		noOpNode('Done'),
	]),
	stoppable: chainWorkflow('qbCbStopMe000001', 'A long poll the user stops', [
		webhookNode('stop-me'),
		veoNode(
			'poll',
			{ pollInterval: 1, timeout: 600 },
			{ prompt: 'A very long render [slow]', name: 'Sora' },
		),
	]),
	guardedTrigger: chainWorkflow('qbCbTrigger00002', 'Completed videos only, with a secret', [
		soraTriggerNode(
			{ events: ['completed'], download: true, secret: 'open-sesame' },
			{ webhookId: 'qb-sora-guarded' },
		),
		noOpNode('Publish'),
	]),
	dedupedTrigger: chainWorkflow('qbCbTrigger00003', 'Publish each video once, across restarts', [
		soraTriggerNode({ events: ['completed'] }, { webhookId: 'qb-sora-deduped' }),
		removeSeenBeforeNode('={{ $json.delivery_key }}'),
		noOpNode('Publish'),
	]),
	trigger: chainWorkflow('qbCbTrigger00001', 'On video finished', [
		soraTriggerNode({ events: ['completed', 'failed'], download: false }),
		noOpNode('Follow Up'),
	]),
};

const frame = useRunningN8n({
	name: 'callbacks',
	simOptions: { flavour: 'today', queuedMs: 200, renderMs: 1500 },
	workflows: WORKFLOWS,
	webhooks: [
		'make-video',
		'make-video-late',
		'stop-me',
		'qb-sora-trigger/sora',
		'qb-sora-guarded/sora',
		'qb-sora-deduped/sora',
	],
});
let sim;
let n8n;
beforeAll(() => ({ sim, n8n } = frame));
const triggerUrl = () => `${n8n.baseUrl}/webhook/qb-sora-trigger/sora`;

beforeEach(() => {
	sim.reset();
	sim.configure({
		flavour: 'today',
		callbackShape: 'task',
		callbackDuplicates: 1,
		callbackOnProgress: false,
		queuedMs: 200,
		renderMs: 1500,
	});
});

async function executionIds(workflowId) {
	return new Set((await n8n.listExecutions(workflowId)).map((e) => e.id));
}

/** Submits a task straight to the simulator, as any tool would, with the trigger as callback. */
async function submitWithCallback(prompt, callbackUrl = triggerUrl()) {
	return submitToSimulator(sim, { ...VEO_8S, prompt, callback_url: callbackUrl });
}

describe('Pause Until Callback', () => {
	test('parks the execution, resumes on the callback, with zero status polls before it', async () => {
		const seen = await executionIds(WORKFLOWS.callback.id);
		sim.configure({ callbackOnProgress: true }); // a non-terminal callback must not resume it
		const started = await request('POST', `${n8n.baseUrl}/webhook/make-video`, {
			body: { prompt: 'A fox in the snow' },
		});
		expect(started.status).toBe(200);

		const waiting = await until(async () => {
			const list = await n8n.listExecutions(WORKFLOWS.callback.id);
			return list.find((e) => !seen.has(e.id) && e.status === 'waiting');
		}, 'the execution to park');
		const [taskId] = [...sim.tasks.keys()];
		// The callback URL is the resume URL n8n issues (signed with the token n8n stored for the execution
		// where n8n has one, n8n 2.x; the bare /webhook-waiting/<id> where it has none, n8n 1.x), plus the
		// node's own token, which only the node and QingBo know.
		const parked = await n8n.getExecution(waiting.id);
		const resumeToken = parked.run.data && parked.run.data.resumeToken;
		const resumeUrl = `${n8n.baseUrl}/webhook-waiting/${waiting.id}`;
		const issued = resumeToken ? `${resumeUrl}?signature=${resumeToken}` : resumeUrl;
		const callbackUrl = sim.tasks.get(taskId).body.callback_url;
		expect(callbackUrl.startsWith(issued)).toBe(true);
		expect(callbackUrl.slice(issued.length)).toMatch(/^[?&]qingbo_token=[0-9a-f]{40}$/);

		const execution = await n8n.waitForExecution(WORKFLOWS.callback.id, {
			where: (e) => e.id === waiting.id,
		});
		expect(execution.status).toBe('success');
		const [item] = outputOf(execution.run, 'Sora');
		expect(item.json).toMatchObject({ task_id: taskId, status: 'completed', progress: 100 });
		expect(item.json.video_url).toMatch(/\.mp4$/);
		expect(outputOf(execution.run, 'Done')).toHaveLength(1);

		// The progress callback and the final one both arrived; the node read the task only once,
		// after the terminal callback, and never polled while parked.
		const statuses = sim.callbacks.map((c) => c.taskStatus);
		expect(statuses).toEqual(['processing', 'completed']);
		expect(sim.callbacks.every((c) => c.status >= 200 && c.status < 300)).toBe(true);
		// The sender gets the node's JSON, not n8n's default 'firstEntryJson'.
		expect(sim.callbacks.map((c) => c.answer)).toEqual([
			{ received: true, task_id: taskId, status: 'processing', resumed: false },
			{ received: true, task_id: taskId, status: 'completed', resumed: true },
		]);
		expect(sim.counters.statusReadsByTask[taskId]).toBe(2);
	});

	test('a callback about another task gets 409 and leaves the execution parked for its own task', async () => {
		sim.configure({ queuedMs: 10 * 60_000 }); // task A ends only when the test says so
		const other = await submitToSimulator(sim, {
			...VEO_8S,
			prompt: 'Another finished video of the same account',
		});
		sim.completeNow(other);
		const seen = await executionIds(WORKFLOWS.callback.id);
		await request('POST', `${n8n.baseUrl}/webhook/make-video`, { body: { prompt: 'Task A' } });
		const waiting = await until(async () => {
			const list = await n8n.listExecutions(WORKFLOWS.callback.id);
			return list.find((e) => !seen.has(e.id) && e.status === 'waiting');
		}, 'the execution to park');
		const own = [...sim.tasks.keys()].find((id) => id !== other);
		const resumeUrl = sim.tasks.get(own).body.callback_url;

		const foreign = await request('POST', resumeUrl, {
			body: { task_id: other, status: 'completed' },
		});
		expect(foreign.status).toBe(409);
		expect(foreign.json).toMatchObject({ task_id: other, expected_tasks: 1 });
		expect(JSON.stringify(foreign.json)).not.toContain(own);

		// Whoever reaches n8n without the URL QingBo was given (n8n 1.x resume URLs are sequential and
		// unsigned): an empty POST, the task named, a guessed token. Each costs nothing and learns nothing.
		const readsBefore = sim.counters.statusReads;
		const bare = resumeUrl.replace(/[?&]qingbo_token=[0-9a-f]+$/, '');
		for (const [url, body] of [
			[bare, {}],
			[bare, { task_id: own, status: 'completed' }],
			[`${bare}${bare.includes('?') ? '&' : '?'}qingbo_token=${'0'.repeat(40)}`, { task_id: own }],
		]) {
			const forged = await request('POST', url, { body });
			expect(forged.status).toBe(404);
			expect(JSON.stringify(forged.json ?? forged.text ?? '')).not.toContain(own);
		}
		expect(sim.counters.statusReads).toBe(readsBefore);
		await new Promise((resolve) => setTimeout(resolve, 1500));
		const still = (await n8n.listExecutions(WORKFLOWS.callback.id)).find(
			(e) => e.id === waiting.id,
		);
		expect(still.status).toBe('waiting');
		expect(sim.counters.statusReadsByTask[other] ?? 0).toBe(0);

		sim.completeNow(own); // the real callback
		const execution = await n8n.waitForExecution(WORKFLOWS.callback.id, {
			where: (e) => e.id === waiting.id,
		});
		expect(execution.status).toBe('success');
		const [item] = outputOf(execution.run, 'Sora');
		expect(item.json).toMatchObject({ task_id: own, status: 'completed' });
		expect(sim.callbacks.find((c) => c.taskId === own).answer).toMatchObject({
			task_id: own,
			resumed: true,
		});
	});

	test('at the wait limit the outcome names the task and its last known status', async () => {
		sim.configure({ queuedMs: 10 * 60_000 }); // no callback will come
		const seen = await executionIds(WORKFLOWS.callbackTimeout.id);
		const started = await request('POST', `${n8n.baseUrl}/webhook/make-video-late`, { body: {} });
		expect(started.status).toBe(200);
		// n8n checks waiting executions once a minute, so a 3 s limit ends within ~65 s.
		const execution = await n8n.waitForExecution(WORKFLOWS.callbackTimeout.id, {
			where: (e) => !seen.has(e.id),
			timeoutMs: 120_000,
		});
		const [taskId] = [...sim.tasks.keys()];
		const [item] = outputOf(execution.run, 'Sora');
		expect(item.json).toMatchObject({ task_id: taskId, status: 'queued', timed_out: true });
		expect(item.json.error).toBe(
			`No callback for task ${taskId} within 3 s; it was queued when last seen and keeps running upstream`,
		);
		expect(item.json.errorDescription).toMatch(/Task › Wait/);
		expect(sim.counters.tasksCreated).toBe(1);
	});
});

describe('Stop button', () => {
	test('stopping the execution ends the poll promptly and stops the status reads', async () => {
		sim.configure({ renderMs: 20_000 }); // [slow] makes it 200 s
		const seen = await executionIds(WORKFLOWS.stoppable.id);
		await request('POST', `${n8n.baseUrl}/webhook/stop-me`, { body: {} });
		const running = await until(async () => {
			const list = await n8n.listExecutions(WORKFLOWS.stoppable.id);
			return list.find((e) => !seen.has(e.id) && e.status === 'running');
		}, 'the execution to run');
		await until(() => sim.counters.statusReads >= 2, 'the node to poll');

		const stoppedAt = Date.now();
		await n8n.api('POST', `/rest/executions/${running.id}/stop`);
		const execution = await n8n.waitForExecution(WORKFLOWS.stoppable.id, {
			where: (e) => e.id === running.id,
			timeoutMs: 20_000,
		});
		expect(execution.status).toBe('canceled');
		expect(Date.now() - stoppedAt).toBeLessThan(5_000);
		const readsAtStop = sim.counters.statusReads;
		await new Promise((resolve) => setTimeout(resolve, 3_000));
		expect(sim.counters.statusReads).toBe(readsAtStop);
		expect(sim.counters.tasksCreated).toBe(1);
	});
});

describe('QingBo Trigger', () => {
	test('starts one execution per real completion, with the task read from the API', async () => {
		const seen = await executionIds(WORKFLOWS.trigger.id);
		const taskId = await submitWithCallback('A paper boat');
		const execution = await n8n.waitForExecution(WORKFLOWS.trigger.id, {
			where: (e) => !seen.has(e.id),
		});
		const [item] = outputOf(execution.run, 'QingBo Trigger');
		expect(item.json).toMatchObject({ task_id: taskId, status: 'completed', progress: 100 });
		expect(item.json.delivery_key).toBe(`${taskId}:completed`);
		expect(outputOf(execution.run, 'Follow Up')).toHaveLength(1);
		expect(sim.callbacks.find((c) => c.taskId === taskId).answer).toEqual({
			received: true,
			task_id: taskId,
			status: 'completed',
			started: true,
		});
	});

	test('duplicate callbacks for the same task start one execution', async () => {
		sim.configure({ callbackDuplicates: 3 });
		const seen = await executionIds(WORKFLOWS.trigger.id);
		const taskId = await submitWithCallback('A twice-told tale');
		await until(
			() => sim.callbacks.filter((c) => c.taskId === taskId).length === 3,
			'three callbacks',
		);
		await n8n.waitForExecution(WORKFLOWS.trigger.id, { where: (e) => !seen.has(e.id) });
		await new Promise((resolve) => setTimeout(resolve, 1500)); // let any extra execution show up
		const fresh = [...(await executionIds(WORKFLOWS.trigger.id))].filter((id) => !seen.has(id));
		expect(fresh).toHaveLength(1);
		expect(sim.callbacks.filter((c) => c.taskId === taskId).map((c) => c.status)).toEqual([
			200, 200, 200,
		]);
	});

	test('a forged or unknown task, and a malformed body, get a 4xx and start nothing', async () => {
		const seen = await executionIds(WORKFLOWS.trigger.id);
		const forged = await request('POST', triggerUrl(), {
			body: { task_id: 'task_forged0000000000000000', status: 'completed' },
		});
		expect(forged.status).toBe(404);
		const noId = await request('POST', triggerUrl(), { body: { hello: 'world' } });
		expect(noId.status).toBe(400);
		const notJson = await request('POST', triggerUrl(), {
			headers: { 'content-type': 'text/plain' },
			body: 'task_id=oops',
		});
		expect(notJson.status).toBeGreaterThanOrEqual(400);
		expect(notJson.status).toBeLessThan(500);
		await new Promise((resolve) => setTimeout(resolve, 1000));
		expect(
			[...(await executionIds(WORKFLOWS.trigger.id))].filter((id) => !seen.has(id)),
		).toHaveLength(0);
	});

	test('the body is never trusted: a "completed" callback for a queued task starts nothing', async () => {
		sim.configure({ queuedMs: 60_000 });
		const seen = await executionIds(WORKFLOWS.trigger.id);
		const taskId = await submitWithCallback('Still waiting');
		const lie = await request('POST', triggerUrl(), {
			body: {
				task_id: taskId,
				status: 'completed',
				result: { videos: [{ url: 'https://evil.example/x.mp4' }] },
			},
		});
		expect(lie.status).toBe(200);
		expect(lie.json).toMatchObject({ status: 'queued', started: false });
		await new Promise((resolve) => setTimeout(resolve, 1000));
		expect(
			[...(await executionIds(WORKFLOWS.trigger.id))].filter((id) => !seen.has(id)),
		).toHaveLength(0);
	});

	test('with a secret and events, only signed callbacks for chosen outcomes start it, with the video', async () => {
		const guarded = `${n8n.baseUrl}/webhook/qb-sora-guarded/sora`;
		const seen = await executionIds(WORKFLOWS.guardedTrigger.id);

		const unsigned = await submitWithCallback('No secret here', guarded);
		const signed = await submitWithCallback('With the secret', `${guarded}?secret=open-sesame`);
		const failed = await submitWithCallback(
			'A failing one [fail]',
			`${guarded}?secret=open-sesame`,
		);
		await until(
			() => [unsigned, signed, failed].every((id) => sim.callbacks.some((c) => c.taskId === id)),
			'three callbacks',
		);

		const execution = await n8n.waitForExecution(WORKFLOWS.guardedTrigger.id, {
			where: (e) => !seen.has(e.id),
		});
		const [item] = outputOf(execution.run, 'QingBo Trigger');
		expect(item.json).toMatchObject({ task_id: signed, status: 'completed' });
		expect(item.binary.data).toMatchObject({ mimeType: 'video/mp4', fileName: `${signed}.mp4` });

		const statusOf = (id) => sim.callbacks.find((c) => c.taskId === id).status;
		expect(statusOf(unsigned)).toBe(401);
		expect(statusOf(failed)).toBe(200); // answered, but "failed" is not a chosen event
		await new Promise((resolve) => setTimeout(resolve, 1000));
		expect(
			[...(await executionIds(WORKFLOWS.guardedTrigger.id))].filter((id) => !seen.has(id)),
		).toHaveLength(1);
	});
});

describe('Editor calls', () => {
	const credential = (data) => ({ credentials: { ...CREDENTIAL, type: 'qingboApi', data } });

	test('the credential test lists models, tolerates /v1/ and bills nothing', async () => {
		const test = (data) => n8n.api('POST', '/rest/credentials/test', credential(data));
		await expect(test({ apiKey: sim.apiKey, baseUrl: sim.url })).resolves.toMatchObject({
			status: 'OK',
		});
		await expect(test({ apiKey: sim.apiKey, baseUrl: `${sim.url}/v1/` })).resolves.toMatchObject({
			status: 'OK',
		});
		await expect(test({ apiKey: 'sk-wrong', baseUrl: sim.url })).resolves.toMatchObject({
			status: 'Error',
		});
		expect(sim.counters.modelsReads).toBeGreaterThanOrEqual(3); // n8n may retry the 401 once
		expect(sim.counters.submits).toBe(0);
	});

	test("version 1's Model list is loaded from the API, with the Sora models as a fallback", async () => {
		const load = () =>
			n8n.api('POST', '/rest/dynamic-node-parameters/options', {
				nodeTypeAndVersion: { name: 'n8n-nodes-qingbo-sora.sora', version: 1 },
				methodName: 'getModels',
				path: 'model',
				currentNodeParameters: { resource: 'video', operation: 'generate' },
				credentials: { qingboApi: CREDENTIAL },
			});
		sim.configure({ models: ['sora-2', 'sora-2-pro', 'veo3.1-fast'], flavour: 'latest' });
		expect((await load()).map((option) => option.value)).toEqual([
			'sora-2',
			'sora-2-pro',
			'veo3.1-fast',
		]);
		sim.configure({ faults: { failNext: { status: 503, count: 5 } } });
		expect((await load()).map((option) => option.value)).toEqual(['sora-2', 'sora-2-pro']);
		sim.configure({ flavour: 'today', faults: {} });
	});
});

describe('QingBo Trigger across a restart', () => {
	test('a repeat after n8n restarts starts a second execution; Remove Duplicates on delivery_key publishes once', async () => {
		const url = `${n8n.baseUrl}/webhook/qb-sora-deduped/sora`;
		const seen = await executionIds(WORKFLOWS.dedupedTrigger.id);
		// A sender that retries what the trigger answers 503 (its answer when a read runs out of time), as
		// the trigger asks; retries are reported. The two outcomes arrive together, the first ever for this
		// Remove Duplicates: without the recipe's Retry On Fail, one execution can fail on n8n's unique key
		// (a CI run saw one fail; run locally it was SQLITE_CONSTRAINT on processed_data, README
		// "Duplicate callbacks").
		sim.configure({ callbackRetries: 2 });
		const first = await submitWithCallback('Published once', url);
		const other = await submitWithCallback('Another video handled before the restart', url);
		let fresh = [];
		const before = await until(async () => {
			fresh = (await n8n.listExecutions(WORKFLOWS.dedupedTrigger.id)).filter(
				(e) => !seen.has(e.id),
			);
			return fresh.filter((e) => e.status === 'success').length >= 2 && fresh;
		}, 'two executions').catch((error) => {
			const sent = sim.callbacks
				.filter((c) => c.taskId === first || c.taskId === other)
				.map((c) => [c.taskId, c.taskStatus, c.status, c.answer]);
			throw new Error(
				`${error.message}; executions ${JSON.stringify(fresh.map((e) => [e.id, e.status]))}; callbacks ${JSON.stringify(sent)}`,
			);
		});
		expect(before).toHaveLength(2);
		const notOk = sim.callbacks.filter((c) => !(c.status >= 200 && c.status < 300));
		if (notOk.length)
			process.stderr.write(
				`[callbacks.test] deliveries answered non-2xx before the restart: ${JSON.stringify(notOk.map((c) => [c.taskId, c.status, c.answer]))}\n`,
			);
		for (const e of before) seen.add(e.id);

		await n8n.stop();
		await n8n.start();
		await n8n.restLogin();
		await n8n.waitForWebhook('qb-sora-deduped/sora');

		// QingBo sends the first task's callback again.
		const repeat = await request('POST', url, { body: { task_id: first, status: 'completed' } });
		expect(repeat.status).toBe(200);
		const execution = await n8n.waitForExecution(WORKFLOWS.dedupedTrigger.id, {
			where: (e) => !seen.has(e.id),
		});
		const [item] = outputOf(execution.run, 'QingBo Trigger');
		expect(item.json.delivery_key).toBe(`${first}:completed`);
		expect(outputOf(execution.run, 'Remove Duplicates')).toHaveLength(0);
		expect(Object.keys(execution.run.data.resultData.runData)).not.toContain('Publish');
		expect(sim.callbacks.find((c) => c.taskId === other).answer).toMatchObject({ started: true });
	});
});
