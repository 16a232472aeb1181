/**
 * Waiting code runs on a fake clock in unit tests: each test file mocks `sleep` from n8n-workflow
 * to move `Date` forward (jest.mock must stay in the test file to be hoisted), and this fakes `Date`.
 * Microtasks stay real so awaited promises still resolve.
 */
export function useFakeClock(): void {
	beforeEach(() => jest.useFakeTimers({ doNotFake: ['nextTick', 'queueMicrotask'] }));
	afterEach(() => jest.useRealTimers());
}
