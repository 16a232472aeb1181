import type { IWebhookFunctions } from 'n8n-workflow';

import { BACKOFF_CAP_MS, PollSchedule } from '../polling/poll-schedule';
import { isTerminal, type Task } from '../task/task';
import type { QingboClient, ReadOptions } from '../transport/transport';

/**
 * What this n8n process has learnt of each parked batch from the callbacks it handled: which tasks
 * it read terminal, which it read running and when reading them again could show an end, and
 * whether it resumed the batch. Only process memory: n8n gives a webhook no store it saves while
 * the execution stays parked. Another process (a second webhook processor) learns the same from
 * the API on its own; see docs/reference.md, "Exactly once", for what keeps a batch from
 * resuming twice across processes.
 *
 * Lost callbacks are found by sweeps: reads of the tasks whose outcome no callback brought. A
 * sweep is owed by each first callback of an outcome (it may be the batch's last) and runs when it
 * can learn something: not while a task read running is not yet worth reading again (its poll
 * schedule, poll-schedule.ts), because the batch cannot be complete before that task ends. So a
 * batch whose callbacks all arrive is read about once per task, and one whose last callbacks were
 * lost goes on at the next sweep.
 */

/** A running task read this recently is not read again for a callback that brings no end. */
const RECENT_READ_MS = 5_000;
/** Batches remembered at once, and tasks in them; the least recently called back goes first. */
const MAX_LEDGERS = 1_000;
const MAX_REMEMBERED_TASKS = 20_000;
/** A sweep stops after this long, so the callback's sender is answered within seconds. */
const SWEEP_BUDGET_MS = 5_000;
/** Reads made for a sweep are not retried in place: a failure ends the sweep, retried later. */
const SWEEP_READ: ReadOptions = {
	maxAttempts: 1,
	retryRateLimits: false,
	deadlineMs: SWEEP_BUDGET_MS,
};
/**
 * After a sweep that failed (or ran out of time), the next waits this long; after failures in a
 * row, doubling up to BACKOFF_CAP_MS.
 */
const SWEEP_RETRY_MS = 2_000;

type Reader = (taskId: string) => Promise<Task>;

export type SweepOutcome = 'complete' | 'running' | 'failed';

export class BatchLedger {
	/** Tasks read terminal, by ID: the outcome of each, for the rows. */
	readonly terminal = new Map<string, Task>();
	private readonly lastReadAt = new Map<string, number>();
	/** Tasks read running: when a read could first show them ended (their poll schedule). */
	private readonly worthReadingAt = new Map<string, number>();
	private readonly schedules = new Map<string, PollSchedule>();
	private readonly reading = new Map<string, Promise<Task>>();
	private stage: 'parked' | 'resuming' | 'resumed' = 'parked';
	private readonly statuses = new Map<string, string>();
	/** Tasks whose terminal callback this process has handled: a repeat of one brings nothing new. */
	private readonly calledBack = new Set<string>();
	private sweepOwed = false;
	private failedSweeps = 0;
	private sweepAllowedAt = 0;
	/** The callback handler that waits to run the owed sweep: the latest one that asked. */
	private watcher = 0;
	private watchers = 0;

	constructor(
		readonly taskIds: string[],
		private readonly random: () => number = Math.random,
	) {}

	get resumed(): boolean {
		return this.stage !== 'parked';
	}

	/** Resuming, or a handler waits to sweep: forgetting it now could resume the batch twice. */
	get busy(): boolean {
		return this.stage === 'resuming' || this.watchers > 0;
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
				this.record(taskId, task, Date.now());
				return task;
			})
			.finally(() => this.reading.delete(taskId));
		this.reading.set(taskId, read);
		return read;
	}

	private record(taskId: string, task: Task, at: number): void {
		this.lastReadAt.set(taskId, at);
		this.statuses.set(taskId, task.status);
		if (isTerminal(task.status)) {
			this.terminal.set(taskId, task);
			this.worthReadingAt.delete(taskId);
			this.schedules.delete(taskId);
			return;
		}
		const schedule = this.schedules.get(taskId) ?? new PollSchedule(this.random);
		this.schedules.set(taskId, schedule);
		this.worthReadingAt.set(taskId, at + schedule.afterRead(task, at));
	}

	/** True the first time this process handles a task's terminal callback (not for a repeat). */
	firstCallback(taskId: string): boolean {
		if (this.calledBack.has(taskId)) return false;
		this.calledBack.add(taskId);
		return true;
	}

	/** A first callback of an outcome: the batch may be done but for outcomes whose callback was lost. */
	oweSweep(): void {
		if (!this.complete()) this.sweepOwed = true;
	}

	get owesSweep(): boolean {
		return this.sweepOwed && !this.complete() && !this.resumed;
	}

	/**
	 * When a sweep can first learn something: once every task read running is worth reading again
	 * (until then one of them is surely not done, so neither is the batch), and not before a failed
	 * sweep's back-off ends.
	 */
	sweepDueAt(): number {
		// Only running tasks are in worthReadingAt: a terminal read takes its task out.
		return Math.max(this.sweepAllowedAt, ...this.worthReadingAt.values());
	}

	/** Runs the owed sweep when it can learn something now; otherwise leaves it owed. */
	async sweepIfDue(client: QingboClient): Promise<void> {
		if (this.owesSweep && this.sweepDueAt() <= Date.now()) await this.sweep(client);
	}

	/**
	 * Looks for tasks of the batch that finished without their callback reaching this process (lost,
	 * or delivered to another process): reads the others one by one (nextToSweep) while each read
	 * finds a task finished, and stops at the first one still running. So a sweep wastes at most one
	 * read, and finds every missing outcome when the batch is in fact done.
	 */
	async sweep(client: QingboClient): Promise<SweepOutcome> {
		const reader: Reader = (taskId) => client.getTask(taskId, SWEEP_READ);
		const deadline = Date.now() + SWEEP_BUDGET_MS;
		while (Date.now() < deadline) {
			const next = this.nextToSweep();
			if (next === undefined) break;
			const task = await this.read(next, reader).catch(() => undefined);
			if (!task) return this.sweepFailed();
			if (!isTerminal(task.status)) {
				this.sweepDone();
				return 'running';
			}
		}
		if (this.complete()) {
			this.sweepDone();
			return 'complete';
		}
		// Out of time, or the rest is being read by callbacks: still owed, a little later.
		this.sweepAllowedAt = Date.now() + SWEEP_RETRY_MS;
		return 'running';
	}

	/**
	 * The next task a sweep reads: one never read, the last submitted first (tasks rendering alike
	 * finish in about the order they were submitted, so a sweep that stops there stops for long);
	 * then the one read longest ago.
	 */
	private nextToSweep(): string | undefined {
		let oldest: string | undefined;
		for (let i = this.taskIds.length - 1; i >= 0; i--) {
			const taskId = this.taskIds[i];
			if (this.terminal.has(taskId) || this.reading.has(taskId)) continue;
			const at = this.lastReadAt.get(taskId);
			if (at === undefined) return taskId;
			if (oldest === undefined || at < this.lastReadAt.get(oldest)!) oldest = taskId;
		}
		return oldest;
	}

	private sweepDone(): void {
		this.sweepOwed = false;
		this.failedSweeps = 0;
	}

	private sweepFailed(): SweepOutcome {
		this.failedSweeps++;
		this.sweepAllowedAt =
			Date.now() + Math.min(BACKOFF_CAP_MS, SWEEP_RETRY_MS * 2 ** (this.failedSweeps - 1));
		return 'failed';
	}

	/** The handler that now waits to run the owed sweep; the one before it stops waiting. */
	startWatch(): number {
		this.watchers++;
		return ++this.watcher;
	}

	isWatcher(watch: number): boolean {
		return this.watcher === watch;
	}

	endWatch(): void {
		this.watchers--;
	}

	complete(): boolean {
		return this.taskIds.every((taskId) => this.terminal.has(taskId));
	}

	/** True for exactly one caller in this process: the one that resumes the batch. */
	claimResume(): boolean {
		if (this.resumed) return false;
		this.stage = 'resuming';
		return true;
	}

	/** The rows are built: the outcomes are no longer needed here. */
	release(): void {
		this.stage = 'resumed';
		this.terminal.clear();
		this.lastReadAt.clear();
		this.worthReadingAt.clear();
		this.schedules.clear();
	}
}

const ledgers = new Map<string, BatchLedger>();
/** Tasks in all remembered ledgers, kept as ledgers come and go (not recounted per callback). */
let rememberedTasks = 0;

/** Forgets the least recently called back batches beyond the caps, never one that is busy. */
function forgetOldLedgers(): void {
	for (const [key, ledger] of ledgers) {
		if (ledgers.size <= MAX_LEDGERS && rememberedTasks <= MAX_REMEMBERED_TASKS) return;
		if (ledger.busy) continue;
		ledgers.delete(key);
		rememberedTasks -= ledger.taskIds.length;
	}
}

/** This process's ledger of the execution's parked batch, made on its first callback. */
export function ledgerOf(ctx: IWebhookFunctions, taskIds: string[]): BatchLedger {
	const key = `${ctx.getExecutionId()}:${ctx.getNode().id}:${taskIds.length}:${taskIds[0]}`;
	const known = ledgers.get(key);
	if (known) {
		// Most recently called back last: the first in line is the one forgotten first.
		ledgers.delete(key);
		ledgers.set(key, known);
		return known;
	}
	const ledger = new BatchLedger(taskIds);
	ledgers.set(key, ledger);
	rememberedTasks += taskIds.length;
	forgetOldLedgers();
	return ledger;
}
