import { runNode } from '../../../../../helpers/run-node';
import { executeContext } from '../../../../../helpers/execute-context';
import { FakeApi, ok } from '../../../../../helpers/fake-api';

describe('Model › List', () => {
	it("lists the key's models with what the catalogue knows; an unknown one is listed too", async () => {
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
		expect(rows.map((row) => row.json)).toEqual([
			{
				id: 'pixverse-v6',
				price_config: { video_prices: { '540p': 0.027 } },
				known: true,
				family: 'PixVerse',
				summary: expect.any(String),
				operations: ['generate', 'extend'],
			},
			{ id: 'new-model', known: false },
		]);
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
