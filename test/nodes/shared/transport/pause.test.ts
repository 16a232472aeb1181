import { sleep } from 'n8n-workflow';

import { ExecutionCancelled } from '../../../../nodes/shared/errors';
import { pause } from '../../../../nodes/shared/transport/pause';
import { useFakeClock } from '../../../helpers/fake-clock';

jest.mock('n8n-workflow', () => ({
	...jest.requireActual('n8n-workflow'),
	sleep: jest.fn(),
}));
useFakeClock();

const sleepMock = sleep as jest.MockedFunction<typeof sleep>;

/** `sleep` moves the fake clock; `after` runs after each slice (e.g. to press Stop). */
function sleepsOnFakeClock(after?: (slices: number) => void) {
	let slices = 0;
	sleepMock.mockReset();
	sleepMock.mockImplementation(async (ms: number) => {
		jest.setSystemTime(Date.now() + ms);
		after?.(++slices);
	});
}

describe('pause', () => {
	it('returns once the time has passed, sleeping in short slices', async () => {
		sleepsOnFakeClock();
		const start = Date.now();
		await pause(1_100, undefined, 'testing');
		expect(Date.now() - start).toBe(1_100);
		expect(sleepMock.mock.calls.map(([ms]) => ms)).toEqual([250, 250, 250, 250, 100]);
	});

	it('returns at once for no time at all', async () => {
		sleepsOnFakeClock();
		await pause(0, new AbortController().signal, 'testing');
		expect(sleepMock).not.toHaveBeenCalled();
	});

	it('throws ExecutionCancelled without sleeping when Stop was already pressed', async () => {
		sleepsOnFakeClock();
		const stop = new AbortController();
		stop.abort();
		const error = await pause(60_000, stop.signal, 'waiting for task task_1').catch((e) => e);
		expect(error).toBeInstanceOf(ExecutionCancelled);
		expect(error.message).toBe('The execution was stopped while waiting for task task_1');
		expect(sleepMock).not.toHaveBeenCalled();
	});

	it('notices Stop within one slice during a long pause', async () => {
		const stop = new AbortController();
		sleepsOnFakeClock((slices) => {
			if (slices === 3) stop.abort();
		});
		const start = Date.now();
		const error = await pause(10 * 60_000, stop.signal, 'waiting for 3 tasks').catch((e) => e);
		expect(error).toBeInstanceOf(ExecutionCancelled);
		expect(error.message).toBe('The execution was stopped while waiting for 3 tasks');
		expect(sleepMock).toHaveBeenCalledTimes(3);
		expect(Date.now() - start).toBe(750);
	});
});
