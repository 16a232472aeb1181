import { quotaToUsd } from '../../../../nodes/shared/spend/money';

describe('quotaToUsd', () => {
	it('divides the API quota by 500,000 and leaves absent figures absent', () => {
		expect(quotaToUsd(288000)).toBe(0.576);
		expect(quotaToUsd('500000')).toBe(1);
		expect(quotaToUsd(0)).toBe(0);
		expect(quotaToUsd(undefined)).toBeUndefined();
		expect(quotaToUsd('')).toBeUndefined();
	});
});
