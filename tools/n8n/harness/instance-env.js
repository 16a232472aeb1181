'use strict';
/** The environment of an instance's n8n processes: loopback only, nothing phoning home, SQLite, JSON logs. */
const { freePort } = require('./process');

/**
 * Env shared by every n8n process of one instance (the instance keeps it as `inst.env`; changes to that object
 * reach the next spawn, see envFor()).
 */
function instanceEnv(host, { userFolder, port, baseUrl }, opts = {}) {
	return {
		...host.env,
		N8N_USER_FOLDER: userFolder,
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PROTOCOL: 'http',
		N8N_PORT: String(port),
		N8N_WEBHOOK_URL: `${baseUrl}/`,
		N8N_EDITOR_BASE_URL: `${baseUrl}/`,
		N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_DYNAMIC_BANNERS_ENABLED: 'false',
		N8N_VERIFIED_PACKAGES_ENABLED: 'false',
		N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		// mcp-registry (n8n 2.x) would reach out to a registry; n8n 1.x has no such module and refuses unknown names.
		...(host.features.modules.has('mcp-registry') ? { N8N_DISABLED_MODULES: 'mcp-registry' } : {}),
		N8N_SECURE_COOKIE: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
		DB_TYPE: 'sqlite',
		N8N_LOG_FORMAT: 'json',
		N8N_LOG_LEVEL: 'info',
		N8N_DEFAULT_BINARY_DATA_MODE: 'filesystem',
		GENERIC_TIMEZONE: 'UTC',
		...(opts.env || {}),
	};
}

/** One n8n process's env: the instance's (`ctx.env`, read at every spawn) plus its own task-broker port. */
async function envFor(ctx) {
	return { ...ctx.env, N8N_RUNNERS_BROKER_PORT: String(await freePort()) };
}

module.exports = { instanceEnv, envFor };
