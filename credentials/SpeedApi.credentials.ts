import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { credentialTest, notAnsweringLike } from '../nodes/shared/credentialTest';

/**
 * Adds the credential to a request. A function rather than a declarative block: n8n would
 * otherwise evaluate the block's expressions for every request of a bulk run.
 */
export async function authenticateSpeed(
	credentials: ICredentialDataDecryptedObject,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	return {
		...requestOptions,
		auth: { username: String(credentials.secretKey), password: '' },
	};
}

export class SpeedApi implements ICredentialType {
	name = 'speedApi';

	displayName = 'Speed API';

	icon = { light: 'file:../icons/speed.svg', dark: 'file:../icons/speed.dark.svg' } as const;

	documentationUrl =
		'https://github.com/n8n-nodes-checkout-sessions/n8n-nodes-checkout-sessions#speed';

	properties: INodeProperties[] = [
		{
			displayName: 'Secret Key',
			name: 'secretKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			placeholder: 'sk_test_…',
			description:
				'In the Speed web app: choose Test or Live mode, then Developers → API keys → Standard keys → Reveal key (sk_test_… or sk_live_…). Sent as the Basic-auth user name with an empty password.',
		},
		{
			displayName: 'API Version',
			name: 'apiVersion',
			type: 'options',
			options: [
				{ name: 'Not Set (Speed Uses 2022-04-15)', value: '' },
				{ name: '2022-04-15 (Lightning Only)', value: '2022-04-15' },
				{ name: '2022-10-15 (On-Chain, Lightning, Ethereum, Solana, Tron)', value: '2022-10-15' },
			],
			default: '',
			description:
				'The API version Speed documents for updates; sent in the speed-version header when set',
		},
		{
			displayName: 'Base URL Override',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'https://api.tryspeed.com',
			description:
				'Leave empty to use https://api.tryspeed.com. Set it to use the local provider sandbox or a proxy: the key is sent to this URL.',
		},
	];

	// Speed's "swap available limit" read answers 2xx with `available_limit` for an accepted key
	// and changes nothing.
	test: ICredentialTestRequest = credentialTest({
		provider: 'Speed',
		documentedUrl: "'https://api.tryspeed.com'",
		method: 'GET',
		url: '/balances/swap/limit',
		statuses: [400, 404, 405].map((status) => notAnsweringLike('Speed', status)),
		successBody: [
			{
				key: 'available_limit',
				value: undefined,
				message:
					"Reached the Base URL, but its answer is not the Speed API's (no available_limit): check Base URL Override",
			},
		],
	});

	authenticate = authenticateSpeed;
}
