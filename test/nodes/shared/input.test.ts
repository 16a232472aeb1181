import { parseJsonObject, requireText } from '../../../nodes/shared/input';
import { rejection } from '../../helpers/rejection';

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
});
