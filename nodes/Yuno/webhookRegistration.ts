import type { IDataObject, IHookFunctions, IHttpRequestOptions, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { baseUrlFor } from '../shared/transport';
import { configuredSecrets } from '../shared/webhookVerify';
import { yuno } from './provider';

/** Yuno's `payment_triggers` values (webhooks API, WebhookCreateInput). */
const PAYMENT_TRIGGERS = [
	'AUTHORIZE',
	'CANCEL',
	'CAPTURE',
	'CHARGEBACK',
	'PRECHARGEBACK',
	'PURCHASE',
	'REFUND',
	'VERIFY',
];

interface Answer {
	statusCode: number;
	body: unknown;
}

/** The payment triggers for the node's events: "payment.purchase" → PURCHASE; Any Event → all. */
export function paymentTriggersFor(events: string[]): string[] {
	if (events.includes('*')) return PAYMENT_TRIGGERS;
	return events
		.map((event) => event.replace(/^payment\./, '').toUpperCase())
		.filter((trigger) => PAYMENT_TRIGGERS.includes(trigger));
}

async function call(
	ctx: IHookFunctions,
	method: 'GET' | 'POST' | 'DELETE',
	path: string,
	body?: IDataObject,
): Promise<Answer> {
	const credentials = await ctx.getCredentials('yunoApi');
	const baseURL = baseUrlFor(yuno, credentials);
	if (baseURL === undefined) {
		throw new NodeOperationError(
			ctx.getNode(),
			"The Yuno API credential's base URL must start with http:// or https://",
		);
	}
	const options: IHttpRequestOptions = {
		method,
		baseURL,
		url: path,
		json: true,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		disableFollowRedirect: true,
	};
	if (method === 'POST') options.body = { account_id: credentials.accountId, ...body };
	else options.qs = { account_id: credentials.accountId };
	return (await ctx.helpers.httpRequestWithAuthentication.call(ctx, 'yunoApi', options)) as Answer;
}

/** Only Yuno's status, code and message go into the error, never the request (it holds the keys). */
function failure(ctx: IHookFunctions, action: string, answer: Answer): NodeApiError {
	const { code, message } = yuno.parseError(answer.body);
	const text = `Yuno refused to ${action} the webhook (${answer.statusCode}${code ? ` ${code}` : ''})`;
	const error = new NodeApiError(ctx.getNode(), { code: code ?? null } as JsonObject, {
		httpCode: String(answer.statusCode),
		message: text,
		description: message,
	});
	error.message = text;
	return error;
}

const ok = (answer: Answer) => answer.statusCode >= 200 && answer.statusCode < 300;
const registersByApi = (ctx: IHookFunctions) => ctx.getNodeParameter('registration') === 'api';

/*
 * With "Register through Yuno's API", activating the workflow creates a webhook at Yuno for
 * this node's URL, signed with the credential's HMAC client secret; deactivating deletes it.
 * Its id is kept in the node's static data.
 */
export const registeredThroughYunoApi = {
	async checkExists(this: IHookFunctions): Promise<boolean> {
		if (!registersByApi(this)) return true;
		const data = this.getWorkflowStaticData('node');
		if (typeof data.yunoWebhookId !== 'string') return false;
		const answer = await call(this, 'GET', `/webhooks/${encodeURIComponent(data.yunoWebhookId)}`);
		if (answer.statusCode === 404) {
			delete data.yunoWebhookId;
			return false;
		}
		if (!ok(answer)) throw failure(this, 'read', answer);
		const url = (answer.body as IDataObject | null)?.url;
		return url === this.getNodeWebhookUrl('default');
	},

	async create(this: IHookFunctions): Promise<boolean> {
		if (!registersByApi(this)) return true;
		const webhook = await this.getCredentials('yunoWebhookApi');
		const [hmacClientSecret] = configuredSecrets(webhook.hmacClientSecret);
		if (hmacClientSecret === undefined) {
			throw new NodeOperationError(
				this.getNode(),
				'Registering through the API needs the HMAC client secret in the Yuno Webhook credential',
			);
		}
		const triggers = paymentTriggersFor(this.getNodeParameter('events', []) as string[]);
		if (triggers.length === 0) {
			throw new NodeOperationError(
				this.getNode(),
				"None of the selected events can be subscribed through Yuno's API (it has no trigger for fraud screening): register in the dashboard instead",
			);
		}
		const data = this.getWorkflowStaticData('node');
		// A webhook of this node that pointed at another URL is removed first.
		if (typeof data.yunoWebhookId === 'string') {
			await call(this, 'DELETE', `/webhooks/${encodeURIComponent(data.yunoWebhookId)}`);
			delete data.yunoWebhookId;
		}
		const body: IDataObject = {
			// Unique per account (Yuno): workflow and node id.
			name: `n8n ${this.getWorkflow().id ?? ''} ${this.getNode().id}`,
			url: this.getNodeWebhookUrl('default'),
			hmac_client_secret: hmacClientSecret,
			payment_triggers: triggers,
		};
		const [apiKey] = configuredSecrets(webhook.apiKey);
		const [secret] = configuredSecrets(webhook.secret);
		if (apiKey !== undefined) body.api_key = apiKey;
		if (secret !== undefined) body.secret = secret;
		const answer = await call(this, 'POST', '/webhooks', body);
		if (!ok(answer)) throw failure(this, 'create', answer);
		const id = (answer.body as IDataObject | null)?.id;
		if (typeof id !== 'string' && typeof id !== 'number') {
			throw new NodeOperationError(
				this.getNode(),
				`Yuno answered ${answer.statusCode} without a webhook id, so the node could not delete the webhook later: delete "${String(body.name)}" in Yuno's dashboard if it is listed there`,
			);
		}
		data.yunoWebhookId = String(id);
		return true;
	},

	async delete(this: IHookFunctions): Promise<boolean> {
		if (!registersByApi(this)) return true;
		const data = this.getWorkflowStaticData('node');
		if (typeof data.yunoWebhookId !== 'string') return true;
		const answer = await call(
			this,
			'DELETE',
			`/webhooks/${encodeURIComponent(data.yunoWebhookId)}`,
		);
		if (!ok(answer) && answer.statusCode !== 404) return false;
		delete data.yunoWebhookId;
		return true;
	},
};
