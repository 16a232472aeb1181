'use strict';
/**
 * A stand-in for an OpenAI-compatible chat model on 127.0.0.1, so the AI-agent example runs offline:
 * the first turn calls the first tool offered with every argument its schema asks for (strings: one
 * video prompt; numbers: a clip length in seconds, DURATION; booleans: true), the second turn answers
 * with the video link found in the tool's result. Plain or streamed answers.
 */
const http = require('node:http');

const PROMPT = 'A fox walking through fresh snow at sunrise';
const DURATION = 6;

/** One argument of the type its JSON schema asks for. */
function argumentFor(schema = {}) {
	const types = [].concat(schema.type ?? schema.anyOf?.map((s) => s.type) ?? 'string');
	if (types.includes('number') || types.includes('integer')) return DURATION;
	if (types.includes('boolean')) return true;
	return PROMPT;
}
function startFakeLlm() {
	const requests = [];
	const server = http.createServer((req, res) => {
		let raw = '';
		req.on('data', (c) => (raw += c));
		req.on('end', () => {
			const body = raw ? JSON.parse(raw) : {};
			requests.push({ url: req.url, body });
			const messages = body.messages || [];
			const toolMessage = messages.find((m) => m.role === 'tool');
			const tool = (body.tools || [])[0];
			let message;
			if (!toolMessage && tool) {
				const props = tool.function.parameters?.properties || { prompt: { type: 'string' } };
				const args = Object.fromEntries(
					Object.entries(props).map(([name, schema]) => [name, argumentFor(schema)]),
				);
				message = {
					role: 'assistant',
					content: null,
					tool_calls: [
						{
							id: 'call_1',
							type: 'function',
							function: { name: tool.function.name, arguments: JSON.stringify(args) },
						},
					],
				};
			} else {
				const result =
					typeof toolMessage?.content === 'string'
						? toolMessage.content
						: JSON.stringify(toolMessage?.content);
				const url = /https?:\/\/[^"\\\s]+\.mp4/.exec(result || '')?.[0] ?? 'no link';
				message = { role: 'assistant', content: `Your video is ready: ${url}` };
			}
			const finish = message.tool_calls ? 'tool_calls' : 'stop';
			if (body.stream) {
				res.writeHead(200, { 'content-type': 'text/event-stream' });
				const chunk = (delta, finish_reason = null) =>
					res.write(
						`data: ${JSON.stringify({ id: 'c1', object: 'chat.completion.chunk', created: 1, model: body.model, choices: [{ index: 0, delta, finish_reason }] })}\n\n`,
					);
				if (message.tool_calls)
					chunk({
						role: 'assistant',
						tool_calls: message.tool_calls.map((t, index) => ({ index, ...t })),
					});
				else chunk({ role: 'assistant', content: message.content });
				chunk({}, finish);
				res.end('data: [DONE]\n\n');
				return;
			}
			res.writeHead(200, { 'content-type': 'application/json' });
			res.end(
				JSON.stringify({
					id: 'c1',
					object: 'chat.completion',
					created: 1,
					model: body.model,
					choices: [{ index: 0, message, finish_reason: finish }],
					usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
				}),
			);
		});
	});
	return new Promise((resolve) =>
		server.listen(0, '127.0.0.1', () =>
			resolve({
				url: `http://127.0.0.1:${server.address().port}/v1`,
				requests,
				close: () => new Promise((r) => server.close(r)),
			}),
		),
	);
}
module.exports = { startFakeLlm, PROMPT, DURATION };
