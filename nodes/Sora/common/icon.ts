/**
 * The QingBo Video icon, for the node and both versions. n8n resolves a versioned node's icons
 * relative to its registered entry file (nodes/Sora/Sora.node.ts), whichever file declares them.
 */
export const QINGBO_VIDEO_ICON = {
	light: 'file:../../icons/qingbo-video.svg',
	dark: 'file:../../icons/qingbo-video.dark.svg',
} as const;
