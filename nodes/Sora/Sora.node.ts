import { VersionedNodeType } from 'n8n-workflow';
import type { IVersionedNodeType } from 'n8n-workflow';

import { baseDescription } from './common/description';
import { SoraV1 } from './v1/SoraV1.node';
import { SoraV2 } from './v2/SoraV2.node';

/**
 * The QingBo Video node. Its type name stays `sora` (saved workflows store it); what users see is
 * named for the service. Version 1 is the Sora-era node, kept byte for byte for saved workflows;
 * version 2, what new nodes get, serves every current model (one folder per version).
 */
export class Sora extends VersionedNodeType {
	constructor() {
		const nodeVersions: IVersionedNodeType['nodeVersions'] = {
			1: new SoraV1(),
			2: new SoraV2(),
		};
		super(nodeVersions, baseDescription);
	}
}
