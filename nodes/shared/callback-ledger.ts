import type { IWebhookFunctions } from 'n8n-workflow';

import { isTerminal, type Task } from './task';
import type { QingboClient, ReadOptions } from './transport';

/**
 * What this n8n process has learnt of each parked batch from the callbacks it handled: which tasks
 * it read terminal, when it last read the others, and whether it resumed the batch. Only process
 * memory: n8n gives a webhook no store it saves while the execution stays parked. Another process
 * (a second webhook processor) learns the same from the API on its own; see README, "Pause Until
 * Callback in queue mode", for what keeps a batch from resuming twice across processes.
 */

/** A running task read this recently is not read again for a callback that brings no end. */
const RECENT_READ_MS = 5_000;
/** Batches remembered at once; the least recently called back is forgotten first. */
const MAX_LEDGERS = 100;
/** A sweep stops after this long, so the callback's sender is answered within seconds. */
const SWEEP_BUDGET_MS = 5_000;
/** Reads made for a sweep are not retried in place: a failure just ends the sweep. */
const SWEEP_READ: ReadOptions = {
	maxAttempts: 1,
	retryRateLimits: false,
	deadlineMs: SWEEP_BUDGET_MS,
};

type Reader = (taskId: string) => Promise<Task>;

export class BatchLedger {
	/** Tasks read terminal, by ID: the outcome of each, for the rows. */
	readonly terminal = new Map<string, Task>();
	private readonly lastReadAt = new Map<string, number>();
	private readonly reading = new Map<string, Promise<Task>>();
	private resumedBy: 'nobody' | 'a callback' = 'nobody';
	private readonly statuses = new Map<string, string>();
	/** Tasks whose terminal callback this process has handled: a repeat of one brings nothing new. */
	private readonly calledBack = new Set<string>();

	constructor(readonly taskIds: string[]) {}

	get resumed(): boolean {
		return this.resumedBy !== 'nobody';
	}

	/** A task's last status as read here, for answers after the batch resumed. */
	statusOf(taskId: string): { task_id: string; status?: string } {
		return { task_id: taskId, status: this.statuses.get(taskId) };
	}

	/** The task's status when it was read running within the last few seconds; otherwise undefined. */
	recentlyRunning(taskId: string): { task_id: string; status: string } | undefined {
		const status = this.statuses.get(taskId);
		const at = this.lastReadAt.get(taskId);
		if (status === undefined || at === undefined || isTerminal(status)) return undefined;
		return Date.now() - at < RECENT_READ_MS ? { task_id: taskId, status } : undefined;
	}

	/** Reads a task once at a time, however many callbacks ask at the same moment; records what it shows. */
	read(taskId: string, reader: Reader): Promise<Task> {
		const inFlight = this.reading.get(taskId);
		if (inFlight) return inFlight;
		const read = reader(taskId)
			.then((task) => {
				this.lastReadAt.set(taskId, Date.now());
				this.statuses.set(taskId, task.status);
				if (isTerminal(task.status)) this.terminal.set(taskId, task);
				return task;
			})
			.finally(() => this.reading.delete(taskId));
		this.reading.set(taskId, read);
		return read;
	}

	/**
	 * Looks for tasks of the batch that finished without their callback reaching this process (lost,
	 * or delivered to another process): reads the others one by one, least recently read first, while
	 * each read finds a task finished, and stops at the first one still running, which says the rest
	 * likely are too. So a sweep wastes at most one read, and finds every missing outcome when the
	 * batch is in fact done.
	 */
	async sweep(client: QingboClient): Promise<void> {
		const reader: Reader = (taskId) => client.getTask(taskId, SWEEP_READ);
		const deadline = Date.now() + SWEEP_BUDGET_MS;
		while (Date.now() < deadline) {
			const next = this.taskIds
				.filter((taskId) => !this.terminal.has(taskId) && !this.reading.has(taskId))
				.reduce<
					string | undefined
				>((oldest, taskId) => (oldest === undefined || (this.lastReadAt.get(taskId) ?? 0) < (this.lastReadAt.get(oldest) ?? 0) ? taskId : oldest), undefined);
			if (next === undefined) return;
			const finished = await this.read(next, reader).then(
				(task) => isTerminal(task.status),
				() => false,
			);
			if (!finished) return;
		}
	}

	/** True the first time this process handles a task's terminal callback (not for a repeat). */
	firstCallback(taskId: string): boolean {
		if (this.calledBack.has(taskId)) return false;
		this.calledBack.add(taskId);
		return true;
	}

	complete(): boolean {
		return this.taskIds.every((taskId) => this.terminal.has(taskId));
	}

	/** True for exactly one caller in this process: the one that resumes the batch. */
	claimResume(): boolean {
		if (this.resumed) return false;
		this.resumedBy = 'a callback';
		return true;
	}

	/** The rows are built: the outcomes are no longer needed here. */
	release(): void {
		this.terminal.clear();
		this.lastReadAt.clear();
	}
}

const ledgers = new Map<string, BatchLedger>();

/** This process's ledger of the execution's parked batch, made on its first callback. */
export function ledgerOf(ctx: IWebhookFunctions, taskIds: string[]): BatchLedger {
	const key = `${ctx.getExecutionId()}:${ctx.getNode().id}:${taskIds.length}:${taskIds[0]}`;
	const ledger = ledgers.get(key) ?? new BatchLedger(taskIds);
	ledgers.delete(key);
	ledgers.set(key, ledger);
	if (ledgers.size > MAX_LEDGERS) ledgers.delete(ledgers.keys().next().value as string);
	return ledger;
}
