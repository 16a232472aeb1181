/**
 * Spend you can see and cap, in a real n8n: cost fields on completed rows, Account › Get Balance, Options ›
 * Max Spend (USD) over a batch (with and without Continue On Fail) and a 402 mid-batch. The simulator reserves
 * a price per task at submit (pre_consumed_cost), settles or refunds it, and answers the balance.
 */
const { outputOf, errorOf } = require('../../tools/n8n/host');
const { useSimulatorAndN8n } = require('./suite');
const { manualWorkflow, soraV2Node, modelFields, codeNode } = require('../../tools/n8n/workflows');

jest.setTimeout(15 * 60_000);

const SIM_DEFAULTS = {
	flavour: 'today',
	queuedMs: 100,
	renderMs: 600,
	balanceUsd: 1000,
	prices: {},
};
/** veo3.1-fast, 8 s at 720p: 0.072 USD/s in QingBo's list prices, so 0.576 USD a task. */
const TASK_USD = 0.576;
const items = (n) =>
	Array.from({ length: n }, (_, i) => ({ prompt: `Scene ${i}: a lighthouse at dusk` }));
const batch = (options, { continueOnFail = false } = {}) =>
	soraV2Node(
		{
			resource: 'video',
			operation: 'generate',
			model: 'veo3.1-fast',
			prompt: '={{ $json.prompt }}',
			modelFields: modelFields({ duration: 8, resolution: '720p' }),
			waitMode: 'poll',
			options: { pollInterval: 1, timeout: 120, ...options },
		},
		{ continueOnFail },
	);

const WORKFLOWS = {
	overCapContinue: manualWorkflow(
		'qbSpendOverCap01',
		'Six items, room for three, continue on fail',
		[codeNode(items(6)), batch({ maxSpendUsd: 2 }, { continueOnFail: true })],
	),
	overCapStop: manualWorkflow('qbSpendOverCap02', 'Six items, room for three', [
		codeNode(items(6)),
		batch({ maxSpendUsd: 2 }),
	]),
	insideCap: manualWorkflow('qbSpendInside001', 'Four items inside the cap', [
		codeNode(items(4)),
		batch({ maxSpendUsd: 2.5 }),
	]),
	balance: manualWorkflow('qbSpendBalance01', 'Get Balance', [
		soraV2Node({ resource: 'account', operation: 'getBalance' }, { name: 'Balance' }),
	]),
	shortBalance: manualWorkflow('qbSpendShort0001', 'Twelve items, balance for two', [
		codeNode(items(12)),
		batch({}),
	]),
};

const suite = useSimulatorAndN8n({
	name: 'spend',
	simDefaults: SIM_DEFAULTS,
	workflows: WORKFLOWS,
});

const reservedUsd = () =>
	[...suite.sim.tasks.values()].reduce((sum, task) => sum + (task.quota ?? 0), 0) / 500_000;

test('over the cap with Continue On Fail: no more than the cap is reserved, every item has a row, refused ones say why', async () => {
	const result = await suite.run(WORKFLOWS.overCapContinue);
	const rows = outputOf(result.run, 'Sora').map((item) => item.json);
	expect(rows).toHaveLength(6);
	const done = rows.filter((row) => row.status === 'completed');
	const refused = rows.filter((row) => row.not_submitted);
	expect(done).toHaveLength(3);
	expect(refused).toHaveLength(3);
	for (const row of refused) {
		expect(row.error).toMatch(/Max Spend \(USD\) of \$2 reached/);
		expect(row.errorDescription).toMatch(/reserved \$1\.728 of its \$2 limit/);
		expect(row.max_spend_usd).toBe(2);
	}
	for (const row of done) {
		expect(row.pre_consumed_cost_usd).toBeCloseTo(TASK_USD, 6);
		expect(row.cost_usd).toBeCloseTo(TASK_USD, 6);
		expect(row.cost).toBe(row.pre_consumed_cost);
	}
	expect(suite.sim.counters.tasksCreated).toBe(3);
	expect(suite.sim.counters.submits).toBe(3);
	expect(suite.sim.counters.reservedQuota / 500_000).toBeLessThanOrEqual(2);
});

test('over the cap without Continue On Fail: refused before the first submit, with the estimate', async () => {
	const result = await suite.run(WORKFLOWS.overCapStop);
	const error = errorOf(result.run);
	expect(error.message).toMatch(/Max Spend \(USD\)/);
	expect(error.message).toMatch(/about \$3\.456, over the limit of \$2; nothing was submitted/);
	expect(error.description).toMatch(/fit 3 of 6/);
	expect(suite.sim.counters.submits).toBe(0);
});

test('a batch inside the cap runs whole', async () => {
	const result = await suite.run(WORKFLOWS.insideCap);
	expect(errorOf(result.run)).toBeNull();
	const rows = outputOf(result.run, 'Sora').map((item) => item.json);
	expect(rows.map((row) => row.status)).toEqual([
		'completed',
		'completed',
		'completed',
		'completed',
	]);
	expect(suite.sim.counters.tasksCreated).toBe(4);
});

test('Account › Get Balance returns the balance as the API answers it', async () => {
	suite.sim.configure({ balanceUsd: 12.5 });
	const result = await suite.run(WORKFLOWS.balance);
	const [row] = outputOf(result.run, 'Balance');
	expect(row.json).toMatchObject({
		object: 'credit_summary',
		currency: 'USD',
		total_available_usd: 12.5,
	});
	expect(suite.sim.counters.balanceReads).toBe(1);
});

test('a 402 after some submits fails the node naming the tasks already started; the rest are not sent', async () => {
	suite.sim.configure({ balanceUsd: 1.2 });
	const result = await suite.run(WORKFLOWS.shortBalance);
	const error = errorOf(result.run);
	expect(error.message).toMatch(/balance is too low \(HTTP 402\)/);
	const started = [...suite.sim.tasks.keys()];
	expect(started).toHaveLength(2);
	for (const id of started) expect(error.description).toContain(id);
	// A refused submit tells the balance is short: the items after it are not sent (5 go at once).
	expect(suite.sim.counters.submits).toBeLessThan(12);
	expect(reservedUsd()).toBeCloseTo(2 * TASK_USD, 6);
});
