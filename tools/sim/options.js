'use strict';
/**
 * Simulator options: defaults, the three doc "flavours", and checking of runtime changes.
 *
 * A flavour is a preset for the format knobs on which the QingBo docs disagree
 * (the seed flavour: the docs of April 2026; latest: later versions; today: the API since 2026-09-24). Each knob can also be set on its own;
 * choosing a flavour again resets the knobs to that preset unless the same call sets them.
 * A flavour may also preset a few ordinary options (FLAVOUR_OPTIONS: `today` sets models,
 * delistedModels and resultTtlMs); those follow the same rule, and return to their defaults when a
 * later call picks a flavour without such a preset (unless they were set explicitly meanwhile).
 */
const { TODAY_MODELS } = require('./models');

/**
 * Knobs that a flavour presets.
 * - preConsumedCost: money on the wire (the docs after the first): pre_consumed_cost in submit and unfinished status
 *   answers, billing_status on terminal ones, and the balance check (402 insufficient_balance).
 * - modelRules: models of today's catalogue (models.js) get their own field rules: undeclared field
 *   -> 400 capability_violation, bad value / missing field -> 400 invalid_request, bad ref_task_id ->
 *   400 invalid_ref_task.
 * - modelsFormat: 'basic' ({id, object, owned_by}) or 'catalog' ({id, object, tags, description,
 *   price_config}) entries in GET /v1/models.
 * - submitProgressNumber: the submit answer carries progress 0 (a number) even when progressFormat is
 *   'percent' (today's docs: integer at submit, string in status answers).
 */
const FLAVOURS = {
	seed: {
		progressFormat: 'number',
		timestampUnit: 's',
		urlFormat: 'array',
		rejectExtra: false,
		modelsShape: 'data',
		preConsumedCost: false,
		modelRules: false,
		modelsFormat: 'basic',
		submitProgressNumber: false,
	},
	latest: {
		progressFormat: 'percent',
		timestampUnit: 'ms',
		urlFormat: 'string',
		rejectExtra: true,
		modelsShape: 'models',
		preConsumedCost: true,
		modelRules: false,
		modelsFormat: 'basic',
		submitProgressNumber: false,
	},
	// Today's API (from 2026-09-24): many video models, Sora delisted.
	today: {
		progressFormat: 'percent',
		timestampUnit: 's',
		urlFormat: 'array',
		rejectExtra: true,
		modelsShape: 'data',
		preConsumedCost: true,
		modelRules: true,
		modelsFormat: 'catalog',
		submitProgressNumber: true,
	},
};

/** Ordinary options a flavour presets (see the header). */
const FLAVOUR_OPTIONS = {
	today: {
		models: TODAY_MODELS,
		delistedModels: ['sora-2', 'sora-2-pro'],
		resultTtlMs: 7 * 24 * 60 * 60 * 1000, // result links expire 7 days after completion
	},
};
const PRESET_OPTION_KEYS = [
	...new Set(Object.values(FLAVOUR_OPTIONS).flatMap((preset) => Object.keys(preset))),
];
const KNOBS = Object.keys(FLAVOURS.seed);

const DEFAULTS = {
	port: 0, // 0 = a free port
	apiKey: 'sk-sim-test-key', // the only bearer key accepted on /v1/*
	queuedMs: 300, // time a task stays queued
	renderMs: 1500, // processing time to the terminal state ("[slow]" prompts take 10x)
	renderMsMax: 0, // above renderMs: each task's processing time is drawn uniformly from renderMs..renderMsMax
	progressShape: 'linear', // 'linear' | 'coarse' (0, 50, then 100 when done) | 'none' (0 until done)
	nextPollAfterSeconds: 0, // above 0: unfinished status answers carry next_poll_after_seconds
	flavour: 'seed', // preset for the format knobs: 'seed', 'latest' or 'today' (FLAVOURS)
	models: ['sora-2', 'sora-2-pro'], // listed by GET /v1/models and accepted by submit ('today': its catalogue, models.js)
	delistedModels: [], // submits answer 400 model_not_available, not billed ('today': sora-2, sora-2-pro)
	resultBytes: 262144, // size of each streamed result file
	resultTtlMs: 86400000, // expires_at = completion + this; downloads 404 afterwards
	expireResults: false, // true: every download answers 404 link_expired
	resultChunked: false, // true: result files are sent without Content-Length (chunked), as a stream of unknown size
	callbackShape: 'task', // 'task' | 'data' ({event, data}) | 'id' ({task_id, status})
	callbackDuplicates: 1, // times each terminal callback is sent
	callbackDuplicatesAtOnce: false, // true: those copies are sent at the same moment, not one after another
	callbackOnProgress: false, // also one callback when processing starts
	callbackDelayMs: 0, // wait before sending callbacks
	callbackRetries: 0, // resend a callback answered non-2xx (or not at all) up to this many more times
	callbackRetryDelayMs: 500, // delay before the first resend; doubles for each further one
	callbackTimeoutMs: 10000, // how long the sender waits for an answer to a callback
	faults: {}, // see FAULT_KEYS and faults.js
	seed: 42, // PRNG seed for random faults
	balanceUsd: 1000, // account credit in USD; with preConsumedCost a submit dearer than what is left answers 402
	prices: {}, // { [modelId]: usdPerTask } replaces the list price (models.js) of a model's tasks
	priceConfig: true, // false: GET /v1/models 'catalog' entries carry no price_config
	redirects: {}, // { submit | status | files: origin }: those routes answer a redirect to the same path there
	priceOverrides: {}, // { [modelId]: { [priceKey]: usd | null } }: drift in GET /v1/models price_config (null drops a key)
	fetchMedia: false, // true: a task fetches its media URLs (no key) when it leaves the queue, and fails if one cannot be used (media-fetch.js)
};

const FAULT_KEYS = [
	'statusError5xxRate',
	'statusError429Rate',
	'retryAfterSeconds',
	'quotaReset',
	'submit429Count',
	'submitCreateThen502Count',
	'slowMs',
	'failNext',
	'downloadFailCount',
	'downloadFailDelayMs',
];

const ENUMS = {
	flavour: Object.keys(FLAVOURS),
	progressFormat: ['number', 'percent'],
	timestampUnit: ['s', 'ms'],
	urlFormat: ['array', 'string'],
	modelsShape: ['data', 'array', 'models'],
	callbackShape: ['task', 'data', 'id'],
	progressShape: ['linear', 'coarse', 'none'],
	modelsFormat: ['basic', 'catalog'],
};
const BOOLEANS = [
	'fetchMedia',
	'rejectExtra',
	'preConsumedCost',
	'modelRules',
	'submitProgressNumber',
	'priceConfig',
	'expireResults',
	'resultChunked',
	'callbackOnProgress',
	'callbackDuplicatesAtOnce',
];
const NON_NEGATIVE = [
	'queuedMs',
	'renderMs',
	'renderMsMax',
	'nextPollAfterSeconds',
	'resultBytes',
	'resultTtlMs',
	'callbackDelayMs',
	'callbackRetries',
	'callbackRetryDelayMs',
	'callbackTimeoutMs',
	'callbackDuplicates',
	'seed',
	'balanceUsd',
];
const STRING_LISTS = ['models', 'delistedModels'];

function fail(message) {
	throw new Error(`QingBo simulator option error: ${message}`);
}

function isNonNegativeNumber(v) {
	return typeof v === 'number' && Number.isFinite(v) && v >= 0;
}

function checkFaults(faults) {
	if (faults === null || typeof faults !== 'object' || Array.isArray(faults))
		fail('faults must be an object');
	for (const [key, value] of Object.entries(faults)) {
		if (!FAULT_KEYS.includes(key)) fail(`unknown fault "${key}" (known: ${FAULT_KEYS.join(', ')})`);
		if (value === undefined || value === null) continue;
		if (key.endsWith('Rate') && !(isNonNegativeNumber(value) && value <= 1))
			fail(`faults.${key} must be 0..1`);
		if (
			[
				'retryAfterSeconds',
				'submit429Count',
				'submitCreateThen502Count',
				'slowMs',
				'downloadFailCount',
				'downloadFailDelayMs',
			].includes(key) &&
			!isNonNegativeNumber(value)
		)
			fail(`faults.${key} must be a non-negative number`);
		if (key === 'quotaReset' && typeof value !== 'boolean')
			fail('faults.quotaReset must be a boolean');
		if (key === 'failNext') {
			if (
				typeof value !== 'object' ||
				!Number.isInteger(value.status) ||
				value.status < 400 ||
				value.status > 599
			)
				fail('faults.failNext needs an integer status 400..599');
			if (!isNonNegativeNumber(value.count))
				fail('faults.failNext.count must be a non-negative number');
		}
	}
}

function checkValue(key, value) {
	if (key === 'port') {
		if (!Number.isInteger(value) || value < 0 || value > 65535)
			fail('port must be an integer 0..65535');
	} else if (key === 'apiKey') {
		if (typeof value !== 'string' || value === '') fail('apiKey must be a non-empty string');
	} else if (ENUMS[key]) {
		if (!ENUMS[key].includes(value)) fail(`${key} must be one of ${ENUMS[key].join(', ')}`);
	} else if (BOOLEANS.includes(key)) {
		if (typeof value !== 'boolean') fail(`${key} must be a boolean`);
	} else if (NON_NEGATIVE.includes(key)) {
		if (!isNonNegativeNumber(value)) fail(`${key} must be a non-negative number`);
	} else if (STRING_LISTS.includes(key)) {
		if (!Array.isArray(value) || !value.every((m) => typeof m === 'string'))
			fail(`${key} must be an array of strings`);
	} else if (key === 'faults') {
		checkFaults(value);
	} else if (key === 'prices') {
		if (value === null || typeof value !== 'object' || Array.isArray(value))
			fail('prices must be an object { modelId: usdPerTask }');
		for (const [model, usd] of Object.entries(value)) {
			if (!isNonNegativeNumber(usd)) fail(`prices.${model} must be a non-negative number (USD)`);
		}
	} else if (key === 'redirects') {
		if (value === null || typeof value !== 'object' || Array.isArray(value))
			fail('redirects must be an object { submit | status | files: origin }');
		for (const [route, origin] of Object.entries(value)) {
			if (!['submit', 'status', 'files'].includes(route))
				fail(`redirects.${route}: only submit, status and files can be redirected`);
			if (typeof origin !== 'string' || !/^https?:\/\/[^/]+$/.test(origin))
				fail(`redirects.${route} must be an origin such as http://127.0.0.1:8788`);
		}
	} else if (key === 'priceOverrides') {
		if (value === null || typeof value !== 'object' || Array.isArray(value))
			fail('priceOverrides must be an object { modelId: { priceKey: usd | null } }');
		for (const [model, keys] of Object.entries(value)) {
			if (keys === null || typeof keys !== 'object' || Array.isArray(keys))
				fail(`priceOverrides.${model} must be an object { priceKey: usd | null }`);
			for (const [priceKey, usd] of Object.entries(keys))
				if (usd !== null && !isNonNegativeNumber(usd))
					fail(`priceOverrides.${model}.${priceKey} must be a non-negative number or null`);
		}
	} else {
		fail(`unknown option "${key}"`);
	}
}

/**
 * Holds the options a caller set and resolves the effective ones.
 * `base` holds every non-knob option; `knobOverrides` the knobs set on their own.
 */
class OptionStore {
	constructor(initial = {}) {
		this.base = structuredClone(DEFAULTS);
		this.knobOverrides = {};
		this.presetOptions = new Set(); // ordinary options whose value came from a flavour preset
		this.apply(initial, { allowPort: true });
	}

	/** Merge a partial option object. `faults` is replaced as a whole, so a test states the full fault set it wants. */
	apply(partial, { allowPort = false } = {}) {
		if (partial === null || typeof partial !== 'object' || Array.isArray(partial))
			fail('options must be an object');
		const entries = Object.entries(partial).filter(([, v]) => v !== undefined);
		for (const [key, value] of entries) {
			if (key === 'port' && !allowPort) fail('port can only be set when starting the simulator');
			checkValue(key, value);
		}
		// All checked: now commit, so a bad call changes nothing.
		if ('flavour' in partial && partial.flavour !== undefined) {
			this.knobOverrides = {};
			const preset = FLAVOUR_OPTIONS[partial.flavour] || {};
			for (const key of PRESET_OPTION_KEYS) {
				if (partial[key] !== undefined) continue; // set by this call: committed below
				if (key in preset) {
					this.base[key] = structuredClone(preset[key]);
					this.presetOptions.add(key);
				} else if (this.presetOptions.has(key)) {
					this.base[key] = structuredClone(DEFAULTS[key]);
					this.presetOptions.delete(key);
				}
			}
		}
		for (const [key, value] of entries) {
			if (KNOBS.includes(key)) this.knobOverrides[key] = value;
			else {
				this.base[key] = structuredClone(value);
				this.presetOptions.delete(key);
			}
		}
	}

	/** The effective options (a fresh object; the live `faults` object is shared so counts can be consumed). */
	get current() {
		const faults = this.base.faults;
		return { ...this.base, ...FLAVOURS[this.base.flavour], ...this.knobOverrides, faults };
	}
}

module.exports = { OptionStore, DEFAULTS, FLAVOURS, FLAVOUR_OPTIONS, FAULT_KEYS };
