import type { IWebhookFunctions } from 'n8n-workflow';

const REMEMBERED = 2000;

/** Recent deliveries in this process: catches duplicates that arrive at the same moment. */
const recent = new Map<string, true>();

/**
 * True the first time a task's terminal status is delivered to this trigger, false for a
 * duplicate. Workflow static data remembers across requests and restarts; the in-process map
 * closes the window where two copies arrive before the first is saved.
 */
export function claimDelivery(ctx: IWebhookFunctions, taskId: string, status: string): boolean {
	const node = ctx.getNode();
	const key = `${ctx.getWorkflow().id}:${node.id}:${taskId}:${status}`;
	const data = ctx.getWorkflowStaticData('node') as { delivered?: string[] };
	const delivered = data.delivered ?? [];
	const deliveryKey = `${taskId}:${status}`;
	if (recent.has(key) || delivered.includes(deliveryKey)) return false;

	recent.set(key, true);
	if (recent.size > REMEMBERED) recent.delete(recent.keys().next().value as string);
	data.delivered = [...delivered, deliveryKey].slice(-REMEMBERED);
	return true;
}
