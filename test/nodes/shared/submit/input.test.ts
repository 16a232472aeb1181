import {
	checkNumberOptions,
	parseJsonObject,
	requireText,
} from '../../../../nodes/shared/submit/input';
import { rejection } from '../../../helpers/rejection';

describe('input', () => {
	it('reads JSON objects and names the option on bad input', () => {
		expect(parseJsonObject('{"seed": 7}', 'Options › Extra')).toEqual({ seed: 7 });
		expect(parseJsonObject({ a: 1 }, 'x')).toEqual({ a: 1 });
		expect(parseJsonObject('', 'x')).toEqual({});
		expect(rejection(() => parseJsonObject('{nope', 'Options › Extra')).field).toBe(
			'Options › Extra',
		);
		expect(rejection(() => parseJsonObject('[1]', 'Options › Extra')).message).toMatch(
			/JSON object/,
		);
	});

	it('requires text, naming the field and the fix', () => {
		expect(requireText('  a  ', 'Model', 'Pick one.')).toBe('a');
		const error = rejection(() => requireText('  ', 'Model', 'Pick one.'));
		expect(error.field).toBe('Model');
		expect(error.fix).toBe('Pick one.');
	});
	it('takes number options as numbers or numeric text, leaves empty ones out, refuses the rest', () => {
		expect(
			checkNumberOptions({ timeout: '600', pollInterval: 0, maxSpendUsd: '', download: true }),
		).toEqual({ timeout: 600, pollInterval: 0, download: true });
		expect(rejection(() => checkNumberOptions({ timeout: 0 })).field).toBe(
			'Options › Timeout (Seconds)',
		);
		expect(rejection(() => checkNumberOptions({ timeout: NaN })).field).toBe(
			'Options › Timeout (Seconds)',
		);
		expect(checkNumberOptions({ pollInterval: 0.5 })).toEqual({ pollInterval: 0.5 });
		expect(rejection(() => checkNumberOptions({ pollInterval: -1 })).fix).toMatch(/0 \(adaptive\)/);
		expect(rejection(() => checkNumberOptions({ maxSpendUsd: -2 })).field).toBe(
			'Options › Max Spend (USD)',
		);
	});
});
