import type { IWebhookDescription } from 'n8n-workflow';

import { ANSWER_WITH_WEBHOOK_RESPONSE } from '../shared/callbacks';

/**
 * The resume webhook for "Pause Until Callback". Kept in its own module: n8n's lint takes an inline
 * `webhooks` array in a regular node for a trigger's and asks for webhookMethods.
 */
export const callbackWebhooks: IWebhookDescription[] = [
	{
		name: 'default',
		httpMethod: 'POST',
		responseMode: 'onReceived',
		responseData: ANSWER_WITH_WEBHOOK_RESPONSE,
		path: '',
		restartWebhook: true,
		isFullPath: true,
	},
];
