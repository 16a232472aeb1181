/** Two projects: fast logic tests, and the ones that run the built package inside a real n8n. */
module.exports = {
	// n8n child processes and sockets are closed in afterAll; do not let a stray handle hang CI.
	forceExit: true,
	reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
	projects: [
		{
			displayName: 'unit',
			testEnvironment: 'node',
			testMatch: [
				'<rootDir>/test/**/*.test.ts',
				'<rootDir>/test/tools/**/*.test.js',
				'<rootDir>/test/scripts/**/*.test.js',
				'<rootDir>/test/*.test.js',
			],
			transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }] },
		},
		{
			displayName: 'n8n',
			testEnvironment: 'node',
			testMatch: ['<rootDir>/test/n8n/**/*.test.js'],
			globalSetup: '<rootDir>/test/n8n/global-setup.js',
		},
	],
};
