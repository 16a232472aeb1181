import { runNode } from '../../../../../helpers/run-node';
import { executeContext } from '../../../../../helpers/execute-context';
import { FakeApi, ok } from '../../../../../helpers/fake-api';

describe('Model › List', () => {
	it("lists the key's models with what the catalogue knows (an unknown one too), then the catalogue's models the key does not list, marked", async () => {
		const api = new FakeApi().on(
			'GET',
			'/v1/models',
			ok({
				data: [
					{ id: 'pixverse-v6', price_config: { video_prices: { '540p': 0.027 } } },
					{ id: 'new-model' },
				],
			}),
		);
		const [rows] = await runNode(
			executeContext(api, { resource: 'model', operation: 'list' }, { typeVersion: 2, items: 3 }),
		);
		const json = rows.map((row) => row.json);
		expect(json.slice(0, 2)).toEqual([
			{
				id: 'pixverse-v6',
				price_config: { video_prices: { '540p': 0.027 } },
				served: true,
				known: true,
				family: 'PixVerse',
				summary: expect.any(String),
				operations: ['generate', 'extend'],
			},
			{ id: 'new-model', served: true, known: false },
		]);
		const unserved = json.slice(2);
		expect(unserved.every((row) => row.served === false && row.known === true)).toBe(true);
		expect(unserved.map((row) => row.id)).toContain('veo3.1-fast');
		expect(unserved.map((row) => row.id)).not.toContain('pixverse-v6');
		expect(unserved.map((row) => row.id)).not.toContain('sora-2'); // delisted: not offered at all
		expect(unserved[0].note).toMatch(/^Not listed for this API key/);
	});
});

describe('Model › Get', () => {
	it("describes a model's operations, fields, allowed values and follow-ups, with no API call", async () => {
		const api = new FakeApi();
		const [rows] = await runNode(
			executeContext(
				api,
				{ resource: 'model', operation: 'get', model: 'veo3.1-fast-rev' },
				{ typeVersion: 2 },
			),
		);
		const model = rows[0].json as {
			operations: Record<string, { fields: Record<string, unknown> } | undefined>;
		};
		expect(model).toMatchObject({ id: 'veo3.1-fast-rev', known: true, family: 'Veo' });
		expect(model.operations.generate?.fields.duration).toMatchObject({
			type: 'integer',
			required: true,
			values: [8],
		});
		expect(model.operations.extend).toMatchObject({
			action: 'extend',
			prompt: 'required',
			source_task_sent_as: 'ref_task_id',
			source_models: ['veo3.1-fast-rev'],
		});
		expect(model.operations.edit).toBeUndefined();
		expect(api.calls).toHaveLength(0);
	});

	it('says plainly when the catalogue does not know the model', async () => {
		const [rows] = await runNode(
			executeContext(
				new FakeApi(),
				{ resource: 'model', operation: 'get', model: 'new-model' },
				{ typeVersion: 2 },
			),
		);
		expect(rows[0].json).toMatchObject({ id: 'new-model', known: false });
		expect(rows[0].json.summary).toMatch(/Additional Fields/);
	});
});

describe('Account › Get Balance', () => {
	it('returns the balance as the API answers it, once whatever the number of items', async () => {
		const balance = {
			object: 'credit_summary',
			currency: 'USD',
			total_granted_usd: 50,
			total_used_usd: 12.5,
			total_available_usd: 37.5,
			as_of: 1790000000,
		};
		const api = new FakeApi().on('GET', '/v1/dashboard/billing/balance', ok(balance));
		const [rows] = await runNode(
			executeContext(
				api,
				{ resource: 'account', operation: 'getBalance' },
				{ typeVersion: 2, items: 4 },
			),
		);
		expect(rows.map((row) => row.json)).toEqual([balance]);
		expect(api.calls).toHaveLength(1);
	});
});
