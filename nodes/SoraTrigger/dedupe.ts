import type { IWebhookFunctions } from 'n8n-workflow';

const REMEMBERED = 2000;
/** How long a copy waits for the first delivery of its outcome to be handled before asking for a retry. */
export const IN_FLIGHT_WAIT_MS = 20_000;

/** A delivery handled, or one still being made (resolves true once handled, false once given up). */
type Delivery = { handled: true } | { handled: false; outcome: Promise<boolean> };

/** Recent deliveries in this process: catches duplicates, even ones that arrive at the same moment. */
const recent = new Map<string, Delivery>();
const settle = new Map<string, (handled: boolean) => void>();

/** The same for every copy of one task outcome, whichever process receives it and when. */
export function deliveryKey(taskId: string, status: string): string {
	return `${taskId}:${status}`;
}

function processKey(ctx: IWebhookFunctions, key: string): string {
	return `${ctx.getWorkflow().id}:${ctx.getNode().id}:${key}`;
}

/** True: this copy makes the delivery (it must settle it). Otherwise how the first copy's ended. */
export type Claim = { first: true } | { first: false; handled: boolean | 'pending' };

/** Resolves 'pending' after `ms` (an unref'd timer, which never holds n8n open). */
function pendingAfter(ms: number): Promise<'pending'> {
	return new Promise((resolve) =>
		AbortSignal.timeout(Math.max(1, ms)).addEventListener('abort', () => resolve('pending')),
	);
}

function tryClaim(claimed: string): Delivery | undefined {
	const earlier = recent.get(claimed);
	if (earlier) return earlier;
	const outcome = new Promise<boolean>((resolve) => settle.set(claimed, resolve));
	recent.set(claimed, { handled: false, outcome });
	if (recent.size > REMEMBERED) {
		const oldest = recent.keys().next().value as string;
		recent.delete(oldest);
		settle.get(oldest)?.(false);
		settle.delete(oldest);
	}
	return undefined;
}

/**
 * Claims a task outcome's delivery for this trigger in this n8n instance. A copy that arrives while
 * the first is still being made (its video downloading) waits for it, up to `waitMs`: once the
 * first is handled the copy is a duplicate; if the first fails, the copy makes the delivery itself,
 * so an event is never answered "duplicate" unless it was delivered. Still pending after the wait:
 * `handled: 'pending'` (the caller asks the sender to retry later).
 *
 * Only the process's memory: n8n gives a webhook trigger no store that it persists before the
 * execution starts (static data written here is saved only on a trigger's first delivery ever, n8n
 * 2.41 `webhooks/live-webhooks.js`), so repeats reaching another process or arriving after a
 * restart are caught downstream on `delivery_key` (docs/reference.md, "Duplicate callbacks").
 */
export async function claimDelivery(
	ctx: IWebhookFunctions,
	key: string,
	waitMs = IN_FLIGHT_WAIT_MS,
): Promise<Claim> {
	const claimed = processKey(ctx, key);
	const deadline = Date.now() + waitMs;
	for (;;) {
		const earlier = tryClaim(claimed);
		if (!earlier) return { first: true };
		if (earlier.handled) return { first: false, handled: true };
		const handled = await Promise.race([earlier.outcome, pendingAfter(deadline - Date.now())]);
		if (handled !== false) return { first: false, handled };
		// The first copy gave up (its download failed): try to make the delivery with this one.
	}
}

/**
 * The delivery's output is built (`handled`), or could not be (its video did not download): then
 * it is forgotten, so a copy waiting for it, or the sender's retry, makes it instead.
 */
export function settleDelivery(ctx: IWebhookFunctions, key: string, handled: boolean): void {
	const claimed = processKey(ctx, key);
	if (handled) recent.set(claimed, { handled: true });
	else recent.delete(claimed);
	settle.get(claimed)?.(handled);
	settle.delete(claimed);
}
