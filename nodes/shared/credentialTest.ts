import type {
	ICredentialsDecrypted,
	ICredentialTestFunction,
	ICredentialTestFunctions,
	INodeCredentialTestResult,
} from 'n8n-workflow';

import { baseUrlFor } from './transport';
import type { Provider } from './types';

interface ProbeResponse {
	statusCode: number;
}

/**
 * n8n 2.41's declarative credential test fails on every non-2xx answer, and none of these
 * providers documents a read that answers 2xx without naming an existing session. So the
 * test asks for a session that cannot exist (or sends an empty update): a rejected key
 * answers 401/403, an accepted one anything else (404, 400). Only the status is read.
 */
export function credentialTestFor(provider: Provider): ICredentialTestFunction {
	return async function (
		this: ICredentialTestFunctions,
		credential: ICredentialsDecrypted,
	): Promise<INodeCredentialTestResult> {
		const data = credential.data ?? {};
		const baseUrl = baseUrlFor(provider, data);
		if (baseUrl === undefined) {
			return {
				status: 'Error',
				message: 'The base URL override must be a URL starting with http:// or https://',
			};
		}
		const call = provider.credentialProbe;
		const { headers, auth } = await provider.authenticate(data, {
			url: call.path,
			headers: provider.headers?.(data),
		});
		let response: ProbeResponse;
		try {
			// The only HTTP helper n8n gives a credential test function (ICredentialTestFunctions).
			// eslint-disable-next-line @n8n/community-nodes/no-deprecated-workflow-functions
			response = (await this.helpers.request({
				method: call.method,
				uri: `${baseUrl}${call.path}`,
				headers,
				auth: auth ? { user: auth.username, pass: auth.password } : undefined,
				body: call.body,
				json: true,
				timeout: 15_000,
				simple: false,
				resolveWithFullResponse: true,
			})) as ProbeResponse;
		} catch (error) {
			const code = (error as { code?: unknown }).code;
			return {
				status: 'Error',
				message: `Could not reach ${provider.displayName} at ${baseUrl}: ${typeof code === 'string' ? code : 'no answer'}`,
			};
		}
		const status = response.statusCode;
		if (status === 401 || status === 403) {
			return {
				status: 'Error',
				message: `${provider.displayName} rejected these credentials (HTTP ${status})`,
			};
		}
		if (status >= 500 || status === 429) {
			return {
				status: 'Error',
				message: `${provider.displayName} could not check the credentials right now (HTTP ${status}); try again`,
			};
		}
		return { status: 'OK', message: `${provider.displayName} accepted the credentials` };
	};
}
