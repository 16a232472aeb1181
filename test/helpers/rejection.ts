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
