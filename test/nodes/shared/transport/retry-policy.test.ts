import { backoffMs, header, serverDelayMs } from '../../../../nodes/shared/transport/retry-policy';

describe('serverDelayMs', () => {
	const now = 1_800_000_000_000;
	it('reads Retry-After seconds and dates, and reset_at in s or ms', () => {
		expect(serverDelayMs({ 'retry-after': '3' }, {}, now)).toBe(3000);
		expect(serverDelayMs({ 'retry-after': new Date(now + 5000).toUTCString() }, {}, now)).toBe(
			5000,
		);
		expect(serverDelayMs({}, { error: { reset_at: now / 1000 + 2 } }, now)).toBe(2000);
		expect(serverDelayMs({}, { error: { reset_at: now + 1500 } }, now)).toBe(1500);
		expect(serverDelayMs({}, {}, now)).toBeUndefined();
	});
});

describe('backoffMs', () => {
	it('grows by doubling, with up to half of each step at random, and stops at 30 s', () => {
		for (const [attempt, step] of [
			[0, 1000],
			[1, 2000],
			[3, 8000],
			[10, 30_000],
		]) {
			const delay = backoffMs(attempt);
			expect(delay).toBeGreaterThanOrEqual(step / 2);
			expect(delay).toBeLessThanOrEqual(step);
		}
	});
});

describe('header', () => {
	it('finds a header by its name or its lower-case form', () => {
		expect(header({ 'retry-after': '2' }, 'Retry-After')).toBe('2');
		expect(header({ Date: 'x' }, 'Date')).toBe('x');
		expect(header(undefined, 'date')).toBeUndefined();
	});
});
