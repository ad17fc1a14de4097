import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { credentialTest, notAnsweringLike, REFUSED_BASE_URL } from '../nodes/shared/credentialTest';

/** Yuno's documented base URL per environment. */
export const YUNO_BASE_URLS: Record<string, string> = {
	sandbox: 'https://api-sandbox.y.uno/v1',
	production: 'https://api.y.uno/v1',
	eu: 'https://api.eu.y.uno/v1',
};

/**
 * Adds the credential to a request. A function rather than a declarative block: n8n would
 * otherwise evaluate the block's expressions for every request of a bulk run.
 */
export async function authenticateYuno(
	credentials: ICredentialDataDecryptedObject,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	return {
		...requestOptions,
		headers: {
			...requestOptions.headers,
			'public-api-key': String(credentials.publicApiKey),
			'private-secret-key': String(credentials.privateSecretKey),
		},
	};
}

export class YunoApi implements ICredentialType {
	name = 'yunoApi';

	displayName = 'Yuno API';

	icon = { light: 'file:../icons/yuno.svg', dark: 'file:../icons/yuno.dark.svg' } as const;

	documentationUrl =
		'https://github.com/n8n-nodes-checkout-sessions/n8n-nodes-checkout-sessions#yuno';

	properties: INodeProperties[] = [
		{
			displayName: 'Environment',
			name: 'environment',
			type: 'options',
			options: [
				{ name: 'Sandbox', value: 'sandbox', description: YUNO_BASE_URLS.sandbox },
				{ name: 'Production', value: 'production', description: YUNO_BASE_URLS.production },
				{ name: 'Production (EU)', value: 'eu', description: YUNO_BASE_URLS.eu },
			],
			default: 'sandbox',
			description:
				'The Yuno environment your keys belong to (keys differ per environment). Base URL Override, when set, replaces it.',
		},
		{
			displayName: 'Public API Key',
			name: 'publicApiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'From your Yuno Dashboard, for the environment above. Sent in the public-api-key header.',
		},
		{
			displayName: 'Private Secret Key',
			name: 'privateSecretKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'From your Yuno Dashboard, with the public key. Sent in the private-secret-key header.',
		},
		{
			displayName: 'Account ID',
			name: 'accountId',
			type: 'string',
			default: '',
			required: true,
			placeholder: '493e9374-510a-4201-9e09-de669d75f256',
			description:
				'Your Yuno account ID (a UUID, 36 characters), shown on the Yuno dashboard. Every update sends it as account_id (unless the node sets another), and the credential test needs it.',
		},
		{
			displayName: 'Base URL Override',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'https://api-sandbox.y.uno/v1',
			description:
				"Replaces the Environment above when set. Leave empty to use the environment's URL. Set it only for the local provider sandbox or a proxy you trust: the keys are sent to this URL.",
		},
	];

	// Yuno's webhook list is a documented read that answers 2xx (a JSON array) for accepted keys
	// and a known account, and changes nothing. It is read as text: n8n would split an array
	// into items, and an empty list would then leave nothing to check.
	test: ICredentialTestRequest = credentialTest({
		provider: 'Yuno',
		documentedUrl: `(${JSON.stringify(Object.keys(YUNO_BASE_URLS))}.includes($credentials.environment) ? ${JSON.stringify(YUNO_BASE_URLS)}[$credentials.environment] : '${REFUSED_BASE_URL}')`,
		method: 'GET',
		url: '/webhooks',
		qs: { account_id: '={{ String($credentials.accountId || "").trim() }}' },
		asText: true,
		statuses: [
			[
				400,
				'Yuno accepted the keys but not the Account ID (HTTP 400): copy it from the Yuno dashboard',
			],
			...[404, 405].map((status) => notAnsweringLike('Yuno', status)),
		],
		successBody: [
			['<', 'a web page'],
			['{', 'an object'],
			[undefined, 'an empty answer'],
		].map(([first, what]) => ({
			key: '0',
			value: first,
			message: `Reached the Base URL, but it answered with ${what}, not the Yuno API's webhook list: check Base URL Override`,
		})),
	});

	authenticate = authenticateYuno;
}
