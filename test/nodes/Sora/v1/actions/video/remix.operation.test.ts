import { execute } from '../../../../../../nodes/Sora/v1/actions/video/remix.operation';
import { executeContext } from '../../../../../helpers/execute-context';
import { qingbo } from '../../../../../helpers/fake-qingbo';

const remix = {
	resource: 'video',
	operation: 'remix',
	sourceTaskId: 'task_src',
	model: 'sora-2',
	prompt: 'neon',
	strength: 'strong',
	waitMode: 'none',
	options: {},
};

describe('Video › Remix', () => {
	it('sends exactly the request it builds: source and strength in `extra`', async () => {
		const { api, bodies } = qingbo();
		const results = await execute.call(executeContext(api, remix));
		expect(bodies).toEqual([
			{
				model: 'sora-2',
				action: 'remix',
				prompt: 'neon',
				extra: { video_id: 'task_src', strength: 'Strong' },
			},
		]);
		expect(results[0]).toMatchObject({ itemIndex: 0, json: { task_id: 'task_0' } });
	});

	it('sends a numeric strength as a number, and Mild when none is given', async () => {
		const numeric = qingbo();
		await execute.call(executeContext(numeric.api, { ...remix, strength: '3' }));
		expect(numeric.bodies[0].extra).toEqual({ video_id: 'task_src', strength: 3 });
		const unset = qingbo();
		await execute.call(executeContext(unset.api, { ...remix, strength: undefined }));
		expect(unset.bodies[0].extra).toEqual({ video_id: 'task_src', strength: 'Mild' });
	});

	it('refuses a strength out of range and an empty source, before any billed call', async () => {
		const { api } = qingbo();
		const strength = await execute
			.call(executeContext(api, { ...remix, strength: '9' }))
			.catch((e) => e);
		expect(strength.message).toBe('Strength: "9" is not a remix strength');
		const source = await execute
			.call(executeContext(api, { ...remix, sourceTaskId: ' ' }))
			.catch((e) => e);
		expect(source.message).toBe('Source Task ID: is empty');
		expect(source.description).toBe('Give the ID of the completed task to remix.');
		expect(api.count('POST', '/v1/tasks')).toBe(0);
	});
});
