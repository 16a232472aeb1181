import type { IDataObject } from 'n8n-workflow';

import { executeContext } from '../../../../../helpers/execute-context';
import { FakeApi, ok, status } from '../../../../../helpers/fake-api';
import { generateParams as generate, qingbo } from '../../../../../helpers/fake-qingbo';
import { runNode } from '../../../../../helpers/run-node';

/** What version 1 knows of its requests beyond the shared submit flow: `extra`, and its field labels. */
describe('version 1 requests (seed-request.ts)', () => {
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

	it.each([
		['resolution', 'Resolution'],
		['extra.video_id', 'Source Task ID'],
	])('a 400 naming %s points at version 1\'s "%s" field', async (param, label) => {
		const api = new FakeApi().on('POST', '/v1/tasks', status(400, { message: 'bad value', param }));
		const error = await runNode(executeContext(api, { ...generate, waitMode: 'none' })).catch(
			(e) => e,
		);
		expect(error.message).toBe('QingBo rejected the request: bad value');
		expect(error.description).toBe(`Check the "${label}" field and run again.`);
	});
});
