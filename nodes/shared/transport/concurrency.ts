/** Requests in flight at once, one name each, so a batch of hundreds is fast yet gentle on the API. */
export const IN_FLIGHT = {
	submits: 5,
	statusReads: 8,
	downloads: 3,
	/** Get and Cancel: one call per item. */
	taskCalls: 5,
} as const;

/** Runs `work` over `inputs` with at most `limit` in flight, keeping input order in the result. */
export async function mapWithConcurrency<T, R>(
	inputs: readonly T[],
	limit: number,
	work: (input: T, index: number) => Promise<R>,
): Promise<R[]> {
	const results = new Array<R>(inputs.length);
	let next = 0;
	const lane = async () => {
		while (next < inputs.length) {
			const index = next++;
			results[index] = await work(inputs[index], index);
		}
	};
	await Promise.all(Array.from({ length: Math.min(limit, inputs.length) }, lane));
	return results;
}
