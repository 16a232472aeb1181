'use strict';
/**
 * The frame most real-n8n test files share: one QingBo simulator and one n8n holding the simulator's
 * credential and the file's workflows, closed after the file; the simulator reset to `simDefaults`
 * before each test. `suite.run(workflow)` executes a workflow and insists on its run data.
 *
 *   const suite = useSimulatorAndN8n({ name: 'models', simDefaults: { flavour: 'today' }, workflows });
 *   test('...', async () => { const result = await suite.run(workflows.one); suite.sim.counters ... });
 */
const { startSimulator } = require('../../tools/sim/simulator');
const { createInstance, submitTask } = require('../../tools/n8n/host');
const { simCredential } = require('../../tools/n8n/workflows');

/**
 * Starts `frame.sim` and an n8n (`frame.n8n`) holding the simulator's credential, `credentials`
 * and the workflows (`frame.workflows`). Either may be a function of the frame, for what needs the
 * simulator's or n8n's address.
 */
async function openFrame(frame, { name, simOptions, workflows, env, credentials = [] }) {
	const ofFrame = (value) => (typeof value === 'function' ? value(frame) : value);
	frame.sim = await startSimulator(simOptions);
	frame.n8n = await createInstance({ name, ...(env ? { env } : {}) });
	frame.workflows = ofFrame(workflows);
	await frame.n8n.importCredentials([simCredential(frame.sim), ...ofFrame(credentials)]);
	await frame.n8n.importWorkflows(Object.values(frame.workflows));
}

async function closeFrame(frame) {
	await frame.n8n?.dispose();
	await frame.sim?.close();
}

/**
 * `simOptions` start the simulator (default: `simDefaults`, which each test starts from); `env`
 * overrides n8n's environment.
 */
function useSimulatorAndN8n({ name, simOptions, simDefaults, workflows, env }) {
	const suite = {
		sim: undefined,
		n8n: undefined,
		async run(workflow) {
			const result = await suite.n8n.execute(workflow.id);
			if (!result.run)
				throw new Error(
					`no run data for ${workflow.name} (exit ${result.exitCode}):\n${suite.n8n.logTail()}`,
				);
			return result;
		},
	};
	beforeAll(() =>
		openFrame(suite, { name, simOptions: simOptions ?? simDefaults, workflows, env }),
	);
	afterAll(() => closeFrame(suite));
	beforeEach(() => {
		suite.sim.reset();
		suite.sim.configure(simDefaults);
	});
	return suite;
}

/**
 * The frame of the test files that run n8n as a server (`n8n start`): one simulator (`simOptions`) and
 * one running n8n holding its credential, `credentials` and the file's workflows, all (or `publish`)
 * published, its production `webhooks` registered (a path, or `{ path, prefix }` for a form's
 * `form/…`); closed after the file. `frame.sim`, `frame.n8n`, `frame.workflows` and `frame.owner`
 * (the owner's login) once started.
 */
function useRunningN8n({ name, simOptions, workflows, webhooks, env, publish, credentials }) {
	const frame = { sim: undefined, n8n: undefined, workflows: undefined };
	beforeAll(async () => {
		await openFrame(frame, { name, simOptions, workflows, env, credentials });
		for (const id of publish ?? Object.values(frame.workflows).map((workflow) => workflow.id))
			await frame.n8n.publish(id);
		await frame.n8n.start();
		frame.owner = await frame.n8n.setupOwner();
		for (const webhook of webhooks) {
			const { path, prefix } = typeof webhook === 'string' ? { path: webhook } : webhook;
			await frame.n8n.waitForWebhook(path, 'POST', prefix ? { prefix } : {});
		}
	});
	afterAll(() => closeFrame(frame));
	return frame;
}

/** Submits a task straight to the simulator, as any tool would (no n8n involved); answers its task ID. */
async function submitToSimulator(sim, body) {
	const res = await submitTask(sim, body);
	expect(res.status).toBe(200);
	return res.json.task_id;
}

module.exports = { useSimulatorAndN8n, useRunningN8n, submitToSimulator };
