import { IN_FLIGHT, mapWithConcurrency } from '../../../../nodes/shared/transport/concurrency';

/** A promise the test resolves by hand, so the order of completion is chosen, not timed. */
function gate() {
	let open!: () => void;
	const opened = new Promise<void>((resolve) => (open = resolve));
	return { open, opened };
}

const flush = async () => {
	for (let n = 0; n < 10; n++) await Promise.resolve();
};

describe('mapWithConcurrency', () => {
	it('keeps input order in the result whatever order the work finishes in', async () => {
		const gates = [gate(), gate(), gate(), gate()];
		const running = mapWithConcurrency([10, 20, 30, 40], 4, async (value, index) => {
			await gates[index].opened;
			return `${index}:${value}`;
		});
		for (const index of [3, 1, 0, 2]) {
			gates[index].open();
			await flush();
		}
		await expect(running).resolves.toEqual(['0:10', '1:20', '2:30', '3:40']);
	});

	it('never has more than `limit` in flight, and starts the next as soon as one ends', async () => {
		const gates = Array.from({ length: 7 }, gate);
		const started: number[] = [];
		let inFlight = 0;
		let most = 0;
		const running = mapWithConcurrency(gates, 3, async (g, index) => {
			started.push(index);
			most = Math.max(most, ++inFlight);
			await g.opened;
			inFlight--;
			return index;
		});
		await flush();
		expect(started).toEqual([0, 1, 2]);
		gates[1].open();
		await flush();
		expect(started).toEqual([0, 1, 2, 3]);
		for (const g of gates) g.open();
		await expect(running).resolves.toEqual([0, 1, 2, 3, 4, 5, 6]);
		expect(most).toBe(3);
		expect(started).toHaveLength(7);
	});

	it('handles no input and a limit above the input size', async () => {
		const work = jest.fn(async (n: number) => n * 2);
		await expect(mapWithConcurrency([], 5, work)).resolves.toEqual([]);
		expect(work).not.toHaveBeenCalled();
		await expect(mapWithConcurrency([1, 2], 8, work)).resolves.toEqual([2, 4]);
		expect(work).toHaveBeenCalledTimes(2);
	});

	it('rejects with the first error of the work', async () => {
		const running = mapWithConcurrency([1, 2, 3], 2, async (n) => {
			if (n === 2) throw new Error('item 2 broke');
			return n;
		});
		await expect(running).rejects.toThrow('item 2 broke');
	});
});

describe('IN_FLIGHT', () => {
	it('names a positive limit for every kind of call', () => {
		expect(Object.keys(IN_FLIGHT).sort()).toEqual([
			'downloads',
			'statusReads',
			'submits',
			'taskCalls',
		]);
		for (const limit of Object.values(IN_FLIGHT)) {
			expect(Number.isInteger(limit) && limit > 0).toBe(true);
		}
	});
});
