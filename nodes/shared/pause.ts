import { sleep } from 'n8n-workflow';

/** Raised when the user stops the execution while we wait. */
export class ExecutionCancelled extends Error {
	constructor(what: string) {
		super(`The execution was stopped while ${what}`);
		this.name = 'ExecutionCancelled';
	}
}

const SLICE_MS = 250;

/** `sleep` cannot be aborted, so sleep in short slices and notice the Stop button within ~250 ms. */
export async function pause(
	ms: number,
	signal: AbortSignal | undefined,
	what: string,
): Promise<void> {
	const until = Date.now() + ms;
	for (;;) {
		if (signal?.aborted) throw new ExecutionCancelled(what);
		const left = until - Date.now();
		if (left <= 0) return;
		await sleep(Math.min(SLICE_MS, left));
	}
}

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
