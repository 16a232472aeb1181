import type { IBinaryData, IDataObject } from 'n8n-workflow';

import { runNode } from '../../../../../helpers/run-node';
import { runRejection as rejection } from '../../../../../helpers/rejection';
import { executeContext } from '../../../../../helpers/execute-context';
import { FakeApi, ok } from '../../../../../helpers/fake-api';

/**
 * Binary Media on version 2: files of the item become media fields, checked before billing, sent as
 * n8n's signed link to exactly that file. n8n's helpers are mocked here; test/n8n/binary-media.test.js
 * proves the links in a real n8n.
 */

const PNG = Buffer.concat([
	Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
	Buffer.alloc(64, 7),
]);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 9)]);
const MP4 = Buffer.concat([
	Buffer.from([0, 0, 0, 0x18]),
	Buffer.from('ftypmp42', 'latin1'),
	Buffer.alloc(64, 3),
]);

/** A binary n8n stored on disk (it has an ID), of these bytes. */
function stored(id: string, bytes: Buffer, mimeType: string, fileName = 'file'): IBinaryData {
	return {
		id: `filesystem-v2:workflows/w/executions/7/binary_data/${id}`,
		data: 'filesystem-v2',
		mimeType,
		fileName,
		bytes: bytes.length,
	};
}

const generate = (
	model: string,
	value: IDataObject | null,
	media: IDataObject[],
	extra: IDataObject = {},
) => ({
	resource: 'video',
	operation: 'generate',
	model,
	prompt: 'The photo comes alive',
	modelFields: { mappingMode: 'defineBelow', value },
	binaryMedia: { media },
	waitMode: 'poll',
	options: {},
	...extra,
});

interface Setup {
	items: Array<Record<string, { binary: IBinaryData; content: Buffer }>>;
	baseUrl?: string;
	webhookBase?: string;
	/** What prepareBinaryData gives back (memory mode: no id). */
	copyId?: string | null;
	/** More answers of the fake API (e.g. a source task). */
	routes?: (api: FakeApi) => void;
}

function contextFor(params: IDataObject, setup: Setup) {
	const api = new FakeApi();
	let n = 0;
	api.always('POST', '/v1/tasks', () => ({
		statusCode: 200,
		body: {
			task_id: `task-${n++}`,
			status: 'completed',
			result: { videos: [{ url: ['https://cdn.test/v.mp4'] }] },
		},
	}));
	api.always('GET', '/v1/tasks/task-0', ok({ task_id: 'task-0', status: 'completed' }));
	setup.routes?.(api);
	const ctx = executeContext(api, params, { typeVersion: 2, items: setup.items.length });
	ctx.getInputData.mockReturnValue(
		setup.items.map((files, i) => ({
			json: { i },
			binary: Object.fromEntries(Object.entries(files).map(([name, file]) => [name, file.binary])),
		})),
	);
	if (setup.baseUrl)
		ctx.getCredentials.mockResolvedValue({ apiKey: 'sk-secret', baseUrl: setup.baseUrl });
	const contents = new Map<string, Buffer>();
	for (const files of setup.items)
		for (const file of Object.values(files))
			if (file.binary.id) contents.set(file.binary.id, file.content);
	ctx.helpers.getBinaryStream.mockImplementation((async (id: string) => {
		const content = contents.get(id)!;
		// Two chunks, as n8n's store streams a file.
		return (async function* () {
			yield content.subarray(0, 5);
			yield content.subarray(5);
		})();
	}) as never);
	ctx.helpers.prepareBinaryData.mockImplementation((async (
		data: Buffer,
		fileName: string,
		mimeType: string,
	) => {
		if (setup.copyId === null) return { data: data.toString('base64'), mimeType, fileName };
		const id = `filesystem-v2:workflows/w/executions/7/binary_data/${setup.copyId ?? 'copy'}`;
		contents.set(id, Buffer.isBuffer(data) ? data : Buffer.alloc(0));
		return { id, data: 'filesystem-v2', mimeType, fileName };
	}) as never);
	ctx.helpers.createBinarySignedUrl.mockImplementation(
		((binary: IBinaryData, expiresIn: string) =>
			`${setup.webhookBase ?? 'https://n8n.example.com'}/rest/binary-data/signed?token=${encodeURIComponent(String(binary.id))}&ttl=${expiresIn}`) as never,
	);
	return { ctx, api };
}

async function run(params: IDataObject, setup: Setup) {
	const { ctx, api } = contextFor(params, setup);
	const [output] = await runNode(ctx);
	const bodies = api.calls.filter((c) => c.method === 'POST').map((c) => c.body as IDataObject);
	const keys = api.calls
		.filter((c) => c.method === 'POST')
		.map((c) => (c.headers as IDataObject)['Idempotency-Key']);
	return { output, bodies, keys, ctx };
}

/** A refused run: nothing submitted, and no link made unless the link itself is what is refused. */
async function refusal(params: IDataObject, setup: Setup, { linkMade = false } = {}) {
	const { ctx, api } = contextFor(params, setup);
	const error = await rejection(runNode(ctx));
	expect(api.count('POST', '/v1/tasks')).toBe(0);
	if (!linkMade) expect(ctx.helpers.createBinarySignedUrl).not.toHaveBeenCalled();
	return `${error.message} ${(error as { description?: string }).description ?? ''}`;
}

const photo = (id = 'photo', bytes = PNG) => ({
	binary: stored(id, bytes, 'image/png', `${id}.png`),
	content: bytes,
});
const link = (id: string, ttl = '1800s') =>
	`https://n8n.example.com/rest/binary-data/signed?token=${encodeURIComponent(`filesystem-v2:workflows/w/executions/7/binary_data/${id}`)}&ttl=${ttl}`;

describe('Binary Media (version 2)', () => {
	it("sends a first frame from the item's binary data as n8n's link to that file", async () => {
		const { bodies, ctx } = await run(
			generate('wan2.7', null, [{ field: 'first_frame_image', binaryProperty: 'data' }]),
			{ items: [{ data: photo() }] },
		);
		expect(bodies[0].first_frame_image).toBe(link('photo'));
		// The link lives as long as the node waits (Timeout, 1,200 s by default) and 10 minutes more.
		expect(ctx.helpers.createBinarySignedUrl).toHaveBeenCalledWith(
			expect.objectContaining({ id: expect.stringContaining('photo') }),
			'1800s',
		);
		expect(ctx.helpers.prepareBinaryData).not.toHaveBeenCalled();
	});

	it('fills a list field in entry order, after the URLs given in Model Fields', async () => {
		const { bodies } = await run(
			generate('kling-v3-omni', { duration: 5, image_urls: 'https://cdn.test/given.png' }, [
				{ field: 'image_urls', binaryProperty: 'second' },
				{ field: 'image_urls', binaryProperty: 'first' },
			]),
			{ items: [{ first: photo('first'), second: photo('second', JPEG) }] },
		);
		expect(bodies[0].image_urls).toEqual([
			'https://cdn.test/given.png',
			link('second'),
			link('first'),
		]);
	});

	it('gives each item of a batch its own file', async () => {
		const { bodies } = await run(
			generate('wan2.7', null, [{ field: 'first_frame_image', binaryProperty: 'data' }], {
				waitMode: 'poll',
			}),
			{
				items: [{ data: photo('item0') }, { data: photo('item1', JPEG) }, { data: photo('item2') }],
			},
		);
		expect(bodies.map((body) => body.first_frame_image)).toEqual([
			link('item0'),
			link('item1'),
			link('item2'),
		]);
	});

	it('links a source video for an edit and a lifetime that follows Options › Timeout', async () => {
		const video = { binary: stored('clip', MP4, 'video/mp4', 'clip.mp4'), content: MP4 };
		const { bodies } = await run(
			generate(
				'kling-v3-omni',
				{ duration: 5 },
				[{ field: 'video_urls', binaryProperty: 'clip' }],
				{ options: { timeout: 60 } },
			),
			{ items: [{ clip: video }] },
		);
		expect(bodies[0].video_urls).toEqual([link('clip', '660s')]);
	});

	it('names the item, the property and the properties it has when the property is missing', async () => {
		const text = await refusal(
			generate('wan2.7', null, [{ field: 'first_frame_image', binaryProperty: 'image' }]),
			{
				items: [{ data: photo(), thumb: photo('thumb') }],
			},
		);
		expect(text).toContain('Binary Media › first_frame_image');
		expect(text).toContain('item 0 has no binary property "image"; it has "data", "thumb"');
	});

	it('refuses a text file given as an image, by its type and by its content', async () => {
		const note = Buffer.from('just some words, not a picture');
		const byType = await refusal(
			generate('wan2.7', null, [{ field: 'first_frame_image', binaryProperty: 'data' }]),
			{
				items: [
					{ data: { binary: stored('note', note, 'text/plain', 'note.txt'), content: note } },
				],
			},
		);
		expect(byType).toContain(
			'"data" (note.txt) does not fit first_frame_image: its type is text/plain, not an image file',
		);
		const byContent = await refusal(
			generate('wan2.7', null, [{ field: 'first_frame_image', binaryProperty: 'data' }]),
			{
				items: [{ data: { binary: stored('fake', note, 'image/png', 'fake.png'), content: note } }],
			},
		);
		expect(byContent).toContain('its content is no image format QingBo takes');
		const photoAsVideo = await refusal(
			generate('kling-v3-omni', { duration: 5 }, [{ field: 'video_urls', binaryProperty: 'data' }]),
			{
				items: [{ data: { binary: stored('p', PNG, 'video/mp4', 'p.mp4'), content: PNG } }],
			},
		);
		expect(photoAsVideo).toContain('its content is an image');
	});

	it('refuses a file over the cap of its kind without reading it to the end', async () => {
		const big = Buffer.alloc(31 * 1024 ** 2, 1);
		PNG.copy(big);
		const text = await refusal(
			generate('wan2.7', null, [{ field: 'first_frame_image', binaryProperty: 'data' }]),
			{
				items: [{ data: { binary: stored('big', big, 'image/png', 'big.png'), content: big } }],
			},
		);
		expect(text).toContain(
			'"data" (big.png) is larger than 30 MB, the most the node sends as image',
		);
	});

	it("refuses Don't Wait before billing, saying why", async () => {
		const text = await refusal(
			generate('wan2.7', null, [{ field: 'first_frame_image', binaryProperty: 'data' }], {
				waitMode: 'none',
			}),
			{ items: [{ data: photo() }] },
		);
		expect(text).toContain("cannot be used with Wait Mode › Don't Wait");
	});

	it('refuses in memory mode, naming the setting to change', async () => {
		const inline = {
			binary: { data: PNG.toString('base64'), mimeType: 'image/png', fileName: 'p.png' },
			content: PNG,
		};
		const text = await refusal(
			generate('wan2.7', null, [{ field: 'first_frame_image', binaryProperty: 'data' }]),
			{
				items: [{ data: inline }],
				copyId: null,
			},
		);
		expect(text).toContain('N8N_DEFAULT_BINARY_DATA_MODE=filesystem');
	});

	it('stores an inline file, and a webhook upload not yet in its execution, before linking it', async () => {
		const inline = {
			binary: { data: PNG.toString('base64'), mimeType: 'image/png', fileName: 'p.png' },
			content: PNG,
		};
		const upload = photo('upload');
		upload.binary.id = 'filesystem-v2:workflows/w/executions/temp/binary_data/upload';
		const { bodies, ctx } = await run(
			generate('kling-v3-omni', { duration: 5 }, [
				{ field: 'image_urls', binaryProperty: 'inline' },
				{ field: 'image_urls', binaryProperty: 'upload' },
			]),
			{ items: [{ inline, upload }] },
		);
		expect(ctx.helpers.prepareBinaryData).toHaveBeenCalledTimes(2);
		expect(bodies[0].image_urls).toEqual([link('copy'), link('copy')]);
	});

	it("refuses a link QingBo cannot reach: n8n's public address on this machine", async () => {
		const text = await refusal(
			generate('wan2.7', null, [{ field: 'first_frame_image', binaryProperty: 'data' }]),
			{
				items: [{ data: photo() }],
				webhookBase: 'http://localhost:5678',
			},
			{ linkMade: true },
		);
		expect(text).toContain('http://localhost:5678');
		expect(text).toContain('WEBHOOK_URL');
		// A QingBo on this machine too (a local proxy) reaches it.
		const { bodies } = await run(
			generate('wan2.7', null, [{ field: 'first_frame_image', binaryProperty: 'data' }]),
			{
				items: [{ data: photo() }],
				webhookBase: 'http://localhost:5678',
				baseUrl: 'http://127.0.0.1:9999',
			},
		);
		expect(String(bodies[0].first_frame_image)).toMatch(
			/^http:\/\/localhost:5678\/rest\/binary-data\/signed\?token=/,
		);
	});

	it('refuses a field that takes no file, and a single field given twice', async () => {
		const notMedia = await refusal(
			generate('wan2.7', null, [{ field: 'duration', binaryProperty: 'data' }]),
			{
				items: [{ data: photo() }],
			},
		);
		expect(notMedia).toContain('duration is not a media field of wan2.7 for generate');
		expect(notMedia).toContain('first_frame_image');
		const twice = await refusal(
			generate('wan2.7', { first_frame_image: 'https://cdn.test/a.png' }, [
				{ field: 'first_frame_image', binaryProperty: 'data' },
			]),
			{ items: [{ data: photo() }] },
		);
		expect(twice).toContain('first_frame_image takes one file, and it is given more than once');
	});

	it("checks the model's rules with the files in place: a last frame needs its first frame", async () => {
		const text = await refusal(
			generate('wan2.7', null, [{ field: 'last_frame_image', binaryProperty: 'data' }]),
			{
				items: [{ data: photo() }],
			},
		);
		expect(text).toContain(
			'Binary Media › last_frame_image: "https://binary-property.invalid/1/data" breaks a rule of wan2.7',
		);
		expect(text).toContain('A last frame needs a first frame');
	});

	it('keeps the idempotency key of a keyed item across runs: a file by its content, not its link', async () => {
		const params = generate(
			'wan2.7',
			null,
			[{ field: 'first_frame_image', binaryProperty: 'data' }],
			{
				options: { idempotencyKey: 'row-1' },
			},
		);
		const first = await run(params, { items: [{ data: photo('run1') }] });
		const again = await run(params, { items: [{ data: photo('run2') }] });
		const changed = await run(params, { items: [{ data: photo('run3', JPEG) }] });
		expect(first.bodies[0].first_frame_image).not.toBe(again.bodies[0].first_frame_image);
		expect(again.keys[0]).toBe(first.keys[0]);
		expect(changed.keys[0]).not.toBe(first.keys[0]);
	});

	it('refuses a file that the source task or Additional Fields would replace, never dropping it', async () => {
		const clip = { binary: stored('clip', MP4, 'video/mp4', 'clip.mp4'), content: MP4 };
		const edit = await refusal(
			generate(
				'kling-v3-omni',
				{ duration: 0 },
				[{ field: 'video_urls', binaryProperty: 'clip' }],
				{
					operation: 'edit',
					sourceTaskId: 'task_src',
				},
			),
			{
				items: [{ clip }],
				routes: (api) =>
					api.always(
						'GET',
						'/v1/tasks/task_src',
						ok({
							task_id: 'task_src',
							status: 'completed',
							model: 'kling-v3-omni',
							action: 'generate',
							result: { videos: [{ url: ['https://cdn.test/source.mp4'] }] },
						}),
					),
			},
		);
		expect(edit).toContain('Binary Media › video_urls');
		expect(edit).toContain('would replace this file; nothing was sent');
		const additional = await refusal(
			generate('wan2.7', null, [{ field: 'first_frame_image', binaryProperty: 'data' }], {
				options: { additionalFields: '{"first_frame_image": "https://cdn.test/other.png"}' },
			}),
			{ items: [{ data: photo() }] },
		);
		expect(additional).toContain('would replace this file; nothing was sent');
	});
});
