import type { INodeType, INodeTypeDescription } from 'n8n-workflow';

import { resumeFromCallback } from '../../shared/callbacks/callback-wait';
import {
	baseDescription,
	resourceProperty,
	sharedDescription,
	SUBTITLE,
} from '../common/description';
import { QINGBO_VIDEO_ICON } from '../common/icon';
import { router } from './actions/router';
import { getModels } from './methods/loadOptions';
import * as task from '../common/task/Task.resource';
import * as video from './actions/video/Video.resource';

/**
 * Version 1, the Sora-era node: saved version-1 nodes keep these parameters and send exactly the
 * requests they always sent (test/nodes/Sora/v1/requests.test.ts pins them).
 */
export class SoraV1 implements INodeType {
	description: INodeTypeDescription = {
		...baseDescription,
		// n8n's community lint looks for the icon in the version's own description.
		icon: QINGBO_VIDEO_ICON,
		version: 1,
		description: 'Generate, remix and extend videos with the QingBo API (version 1, Sora era)',
		defaults: { name: 'Sora' },
		subtitle: SUBTITLE,
		usableAsTool: true,
		...sharedDescription,
		properties: [
			resourceProperty([
				{ name: 'Task', value: 'task' },
				{ name: 'Video', value: 'video' },
			]),
			...video.description,
			...task.description,
		],
	};

	methods = { loadOptions: { getModels } };

	/** n8n runs version 1 here: its router runs the chosen operation for every item. */
	execute = router;

	/** Pause Until Callback: QingBo's callbacks reach the parked execution here (execute is not run again). */
	webhook = resumeFromCallback;
}
