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
import { getMediaFields, getModels } from './methods/loadOptions';
import { getModelFields } from './methods/resourceMapping';
import * as task from '../common/task/Task.resource';
import * as account from './actions/account/Account.resource';
import * as model from './actions/model/Model.resource';
import * as video from './actions/video/Video.resource';

/** Version 2, what new nodes get: every video model QingBo serves, each with its own Model Fields. */
export class SoraV2 implements INodeType {
	description: INodeTypeDescription = {
		...baseDescription,
		// n8n's community lint looks for the icon in the version's own description.
		icon: QINGBO_VIDEO_ICON,
		version: 2,
		description:
			'Generate, extend and edit videos with Veo 3.1, Kling, Seedance, Wan, PixVerse, Hailuo and every other model of the QingBo API, each checked against its rules before billing',
		defaults: { name: 'QingBo Video' },
		// New nodes are named for the service ("QingBo Video"), not for their first action (n8n 2.x).
		skipNameGeneration: true,
		subtitle: SUBTITLE,
		usableAsTool: true,
		...sharedDescription,
		properties: [
			resourceProperty([
				{ name: 'Account', value: 'account' },
				{ name: 'Model', value: 'model' },
				{ name: 'Task', value: 'task' },
				{ name: 'Video', value: 'video' },
			]),
			...video.description,
			...task.description,
			...account.description,
			...model.description,
		],
	};

	methods = {
		loadOptions: { getModels, getMediaFields },
		resourceMapping: { getModelFields },
	};

	/** n8n runs version 2 here: its router runs the chosen operation for every item. */
	execute = router;

	/** Pause Until Callback: QingBo's callbacks reach the parked execution here (execute is not run again). */
	webhook = resumeFromCallback;
}
