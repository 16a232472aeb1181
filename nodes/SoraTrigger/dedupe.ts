import type { IWebhookFunctions } from 'n8n-workflow';

const REMEMBERED = 2000;

/** Recent deliveries in this process: catches duplicates, even ones that arrive at the same moment. */
const recent = new Map<string, true>();

/** The same for every copy of one task outcome, whichever process receives it and when. */
export function deliveryKey(taskId: string, status: string): string {
	return `${taskId}:${status}`;
}

function processKey(ctx: IWebhookFunctions, key: string): string {
	return `${ctx.getWorkflow().id}:${ctx.getNode().id}:${key}`;
}

/**
 * True the first time this n8n process sees a task outcome for this trigger, false for a repeat.
 * Only the process's memory: n8n gives a webhook trigger no store that it persists before the
 * execution starts (static data written here is saved only on a trigger's first delivery ever, n8n
 * 2.41 `webhooks/live-webhooks.js`), so repeats reaching another process or arriving after a
 * restart are caught downstream on `delivery_key` (README, "Duplicate callbacks").
 */
export function claimDelivery(ctx: IWebhookFunctions, key: string): boolean {
	const claimed = processKey(ctx, key);
	if (recent.has(claimed)) return false;
	recent.set(claimed, true);
	if (recent.size > REMEMBERED) recent.delete(recent.keys().next().value as string);
	return true;
}

/** The delivery could not be turned into an execution (its video did not download): let a retry claim it. */
export function releaseDelivery(ctx: IWebhookFunctions, key: string): void {
	recent.delete(processKey(ctx, key));
}
