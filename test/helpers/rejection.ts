import type { IDataObject } from 'n8n-workflow';

import { InputError } from '../../nodes/shared/errors';

/** The InputError `run` throws; fails the test when it throws nothing or something else. */
export function rejection(run: () => unknown): InputError {
	let caught: unknown;
	try {
		run();
	} catch (error) {
		caught = error;
	}
	expect(caught).toBeInstanceOf(InputError);
	return caught as InputError;
}

/** A node run's failure: the error it threw, with n8n's description and context. */
export type NodeFailure = Error & { description?: string; context: IDataObject };

/** The error a run threw (the test fails if it did not throw). */
export async function runRejection(running: Promise<unknown>): Promise<NodeFailure> {
	try {
		await running;
	} catch (error) {
		return error as NodeFailure;
	}
	throw new Error('expected the node to fail');
}
