import { sleep } from 'n8n-workflow';

import { ExecutionCancelled } from '../errors';

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
