import { mock } from 'jest-mock-extended';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { INode } from 'n8n-workflow';

import {
	ApiFailure,
	ExecutionCancelled,
	InputError,
	TaskFailure,
	toNodeError,
} from '../../../nodes/shared/errors';

const node = mock<INode>({ id: 'node-1', name: 'Sora', type: 'n8n-nodes-qingbo-sora.sora' });

const failure = (
	status: number,
	fields: { message?: string; code?: string; param?: string; attempts?: number } = {},
) =>
	new ApiFailure(
		fields.message ?? `HTTP ${status}`,
		status,
		fields.code,
		fields.param,
		fields.attempts ?? 1,
	);

const advise = (error: unknown, taskId?: string, itemIndex = 0) =>
	toNodeError(node, error, { itemIndex, taskId });

describe('toNodeError: advice per API answer', () => {
	it.each([
		['prompt', 'Prompt'],
		['callback_url', 'Options › Callback URL'],
		['seed', 'seed'],
	])('400 with param %s points at the field "%s"', (param, label) => {
		const error = advise(failure(400, { message: 'bad value', param }));
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('QingBo rejected the request: bad value');
		expect(error.description).toBe(`Check the "${label}" field and run again.`);
		expect((error as NodeApiError).httpCode).toBe('400');
	});

	it('400 without param points at the model rules', () => {
		const error = advise(failure(400, { message: 'bad value' }));
		expect(error.description).toBe("Check the fields against the model's rules and run again.");
	});

	it.each([
		[401, 'QingBo rejected the API key (HTTP 401)', /API key in the QingBo API credential/],
		[402, 'Your QingBo balance is too low (HTTP 402)', /Top up/],
		[403, 'QingBo refused access (HTTP 403): nope', /may use this model/],
		[404, 'QingBo could not find what was asked for (HTTP 404): nope', /model ID and the Base URL/],
		[429, 'QingBo is rate limiting requests (HTTP 429)', /send fewer items/],
		[502, 'QingBo is having trouble (HTTP 502): nope', /API side/],
		[0, 'Could not reach QingBo: nope', /Base URL .* network/],
		[418, 'QingBo answered HTTP 418: nope', /API documentation/],
	])('HTTP %i without a task: "%s"', (status, message, description) => {
		const error = advise(failure(status, { message: 'nope' }));
		expect(error.message).toBe(message);
		expect(error.description).toMatch(description);
		expect((error as NodeApiError).httpCode ?? undefined).toBe(status ? String(status) : undefined);
	});

	it('404 about a task names the task and the account it may belong to', () => {
		const error = advise(failure(404, { code: 'task_not_found' }), 'task_7');
		expect(error.message).toBe('Task task_7 was not found (HTTP 404)');
		expect(error.description).toMatch(/another account's key/);
	});

	it('says how often it tried for 429, 5xx and network failures', () => {
		expect(advise(failure(429, { attempts: 6 })).message).toBe(
			'QingBo is rate limiting requests (HTTP 429) after 6 attempts',
		);
		expect(advise(failure(503, { message: 'down', attempts: 6 })).message).toBe(
			'QingBo is having trouble (HTTP 503) after 6 attempts: down',
		);
		expect(advise(failure(0, { message: 'socket hang up', attempts: 3 })).message).toBe(
			'Could not reach QingBo after 3 attempts: socket hang up',
		);
	});

	it('task_not_cancellable explains that only queued tasks can be cancelled', () => {
		const error = advise(
			failure(400, { code: 'task_not_cancellable', message: 'Task is processing' }),
			'task_9',
		);
		expect(error.message).toBe('Task task_9 can no longer be cancelled');
		expect(error.description).toBe(
			'Only queued tasks can be cancelled; this one is already processing or finished (Task is processing). Use Task › Get to see its status.',
		);
	});

	it('puts the task ID in the message once, whatever the advice', () => {
		expect(advise(failure(402), 'task_3').message).toBe(
			'Task task_3: Your QingBo balance is too low (HTTP 402)',
		);
		expect(advise(failure(500, { message: 'boom' }), 'task_3').message).toBe(
			'Task task_3: QingBo is having trouble (HTTP 500): boom',
		);
		expect(advise(failure(404), 'task_3').message).toBe('Task task_3 was not found (HTTP 404)');
	});

	it('keeps what the API said, and the item, for n8n’s error panel', () => {
		const error = advise(
			failure(400, { message: 'bad', code: 'invalid', param: 'prompt' }),
			undefined,
			4,
		);
		expect(error.context.itemIndex).toBe(4);
		expect((error as NodeApiError).messages).toContain('bad');
	});
});

describe('toNodeError: other errors', () => {
	it('InputError: its field and problem as the message, its fix as the description', () => {
		const error = advise(
			new InputError('Duration', '7 seconds is not offered', 'Pick 4 or 8.'),
			undefined,
			2,
		);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe('Duration: 7 seconds is not offered');
		expect(error.description).toBe('Pick 4 or 8.');
		expect(error.context.itemIndex).toBe(2);
	});

	it('TaskFailure: its message and description, unchanged', () => {
		const error = advise(
			new TaskFailure('Task task_1 failed: blocked', { task_id: 'task_1' }, 'Check the prompt.'),
			'task_1',
			1,
		);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe('Task task_1 failed: blocked');
		expect(error.description).toBe('Check the prompt.');
		expect(error.context.itemIndex).toBe(1);
	});

	it('anything else: its message, with the task ID added when missing', () => {
		expect(advise(new ExecutionCancelled('waiting for tasks'), 'task_5').message).toBe(
			'Task task_5: The execution was stopped while waiting for tasks',
		);
		expect(advise('plain text').message).toBe('plain text');
		expect(advise(new Error('about task_5'), 'task_5').message).toBe('about task_5');
	});

	it('passes n8n errors through, filling in the item only when missing', () => {
		const own = new NodeOperationError(node, 'already a node error', { itemIndex: 3 });
		expect(advise(own, undefined, 1)).toBe(own);
		expect(own.context.itemIndex).toBe(3);
		const bare = new NodeOperationError(node, 'no item');
		expect(advise(bare, undefined, 5).context.itemIndex).toBe(5);
	});
});

describe('ApiFailure.transient', () => {
	it.each([
		[0, true],
		[429, true],
		[500, true],
		[503, true],
		[400, false],
		[401, false],
		[404, false],
	])('HTTP %i → %s', (status, transient) => expect(failure(status).transient).toBe(transient));
});

describe('toNodeError for a real network failure (status 0), as QingboClient builds it', () => {
	it('keeps the "Could not reach QingBo" advice and the task ID in the message', () => {
		// What transport.ts makes of `connect ECONNREFUSED` after 6 attempts.
		const failure = new ApiFailure(
			'connect ECONNREFUSED 10.0.0.9:443',
			0,
			'ECONNREFUSED',
			undefined,
			6,
		);
		const error = toNodeError(node, failure, { itemIndex: 0, taskId: 'task_7' });
		expect(error.message).toBe(
			'Task task_7: Could not reach QingBo after 6 attempts: connect ECONNREFUSED 10.0.0.9:443',
		);
	});

	it('keeps the 5xx advice when the upstream message names a Node error code', () => {
		const failure = new ApiFailure(
			'upstream getaddrinfo ENOTFOUND render-7',
			502,
			undefined,
			undefined,
			6,
		);
		const error = toNodeError(node, failure, { itemIndex: 0, taskId: 'task_7' });
		expect(error.message).toBe(
			'Task task_7: QingBo is having trouble (HTTP 502) after 6 attempts: upstream getaddrinfo ENOTFOUND render-7',
		);
	});
});
