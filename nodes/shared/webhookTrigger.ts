import { createHash } from 'crypto';
import type {
	ICredentialDataDecryptedObject,
	ICredentialTestFunctions,
	ICredentialsDecrypted,
	IDataObject,
	IHookFunctions,
	INodeCredentialTestResult,
	INodeProperties,
	INodePropertyOptions,
	IWebhookDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { optionsCollection } from './description';
import { recentEventsOf } from './webhookDedup';
import type { Rejection } from './webhookVerify';

/** One incoming call, as the provider's check sees it. */
export interface ReceivedCall {
	/** The request body exactly as it arrived: what the provider signed. */
	rawBody: Buffer;
	/** First value of a request header (name in lower case), or undefined. */
	header(name: string): string | undefined;
	/** Path parameters of the webhook URL. */
	params: Record<string, string>;
	nowMs: number;
	/** The node's options (tolerance, de-duplication window). */
	options: IDataObject;
}

/** Fields a user would otherwise dig out of each provider's payload. */
export interface EventSummary {
	eventType?: string;
	eventId?: string;
	sessionId?: string;
	status?: string;
}

/** What a provider's trigger tells the core; the core owns the request, response and de-duplication. */
export interface TriggerSpec {
	credentialType: string;
	/** What was checked, put in every output item (e.g. "hmac-sha256 (webhook-signature)"). */
	verifiedBy(credentials: ICredentialDataDecryptedObject): string;
	/** Undefined when the call is authentic. Runs on the raw bytes, before anything is parsed. */
	verify(call: ReceivedCall, credentials: ICredentialDataDecryptedObject): Rejection | undefined;
	summarize(event: IDataObject): EventSummary;
	/** The key a repeated delivery of the same event shares; undefined: never treated as a repeat. */
	repeatKey(event: IDataObject, summary: EventSummary): string | undefined;
	/** A message when the credential cannot verify anything (checked without calling the provider). */
	credentialProblem(credentials: ICredentialDataDecryptedObject): string | undefined;
}

const MINUTE_MS = 60_000;
export const DEFAULT_REPEAT_WINDOW_MINUTES = 60;

function firstHeader(value: string | string[] | undefined): string | undefined {
	return Array.isArray(value) ? value[0] : value;
}

function asText(value: unknown): string | undefined {
	if (typeof value === 'string' && value !== '') return value;
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	return undefined;
}

/** Reads `path` (dot-separated) out of an event, as text. */
export function textAt(event: IDataObject, path: string): string | undefined {
	let value: unknown = event;
	for (const key of path.split('.')) {
		if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
		value = (value as IDataObject)[key];
	}
	return asText(value);
}

function parseEvent(rawBody: Buffer): IDataObject | undefined {
	try {
		const parsed: unknown = JSON.parse(rawBody.toString('utf8'));
		return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
			? (parsed as IDataObject)
			: undefined;
	} catch {
		return undefined;
	}
}

/**
 * Handles one call to a trigger's webhook: verify the raw bytes, refuse with 401 and no
 * execution when anything is off, drop events the node does not listen to and repeats of
 * an event already accepted (both answered 200, so the provider stops sending them), and
 * otherwise start one execution with the event and its summary.
 */
export async function receiveWebhook(
	ctx: IWebhookFunctions,
	spec: TriggerSpec,
	nowMs: number = Date.now(),
): Promise<IWebhookResponseData> {
	const req = ctx.getRequestObject();
	const res = ctx.getResponseObject();
	const answer = (status: number, body: IDataObject): IWebhookResponseData => {
		res.status(status).json(body);
		return { noWebhookResponse: true };
	};

	const credentials = await ctx.getCredentials(spec.credentialType);
	const options = ctx.getNodeParameter('options', {}) as IDataObject;
	// n8n keeps the bytes it read (after undoing any content-encoding); a body it never read,
	// such as multipart, cannot be verified.
	const rawBody: unknown = req.rawBody;
	const rejection: Rejection | undefined = !Buffer.isBuffer(rawBody)
		? 'noRawBody'
		: spec.verify(
				{
					rawBody,
					header: (name) => firstHeader(req.headers[name]),
					params: (ctx.getParamsData() ?? {}) as Record<string, string>,
					nowMs,
					options,
				},
				credentials,
			);
	if (rejection !== undefined) return answer(401, { message: 'Unauthorized', reason: rejection });

	const event = parseEvent(rawBody as Buffer);
	if (event === undefined) return answer(400, { message: 'The body is not a JSON object' });

	const summary = spec.summarize(event);
	const events = ctx.getNodeParameter('events', []) as string[];
	if (!events.includes('*') && !events.includes(summary.eventType ?? '')) {
		return answer(200, { message: 'Event type not selected in the trigger: ignored' });
	}

	const windowMinutes = Number(options.repeatWindowMinutes ?? DEFAULT_REPEAT_WINDOW_MINUTES);
	const key = spec.repeatKey(event, summary);
	if (key !== undefined && windowMinutes > 0) {
		const node = ctx.getNode();
		const recent = recentEventsOf(`${ctx.getWorkflow().id ?? ''}:${node.id}`);
		// Kept as a digest: 44 characters whatever the size of the id a sender chose.
		const digest = createHash('sha256').update(key).digest('base64');
		if (recent.isRepeat(digest, nowMs, windowMinutes * MINUTE_MS)) {
			return answer(200, { message: 'Event already received: ignored' });
		}
	}

	return {
		workflowData: [
			[
				{
					json: {
						eventType: summary.eventType ?? null,
						eventId: summary.eventId ?? null,
						sessionId: summary.sessionId ?? null,
						status: summary.status ?? null,
						verifiedBy: spec.verifiedBy(credentials),
						event,
					},
				},
			],
		],
	};
}

/**
 * The one webhook of a trigger: POST, answered as soon as it is received. A path with a
 * `:parameter` must be marked full: n8n then keeps the node's webhook ID apart from the path,
 * as its dynamic-path lookup expects (without it, n8n 2.41 never finds such a webhook).
 */
export function webhookDescription(path = 'webhook'): IWebhookDescription {
	const dynamic = path.includes(':');
	return {
		name: 'default',
		httpMethod: 'POST',
		responseMode: 'onReceived',
		path,
		...(dynamic ? { isFullPath: true } : {}),
	};
}

/**
 * For providers whose webhooks are set up in their dashboard: nothing to register or
 * remove; the node shows the URL to paste there.
 */
export const registeredInDashboard = {
	async checkExists(this: IHookFunctions): Promise<boolean> {
		return true;
	},
	async create(this: IHookFunctions): Promise<boolean> {
		return true;
	},
	async delete(this: IHookFunctions): Promise<boolean> {
		return true;
	},
};

/** A credential test that checks the secret fields locally: the providers have no endpoint to check them. */
export function secretCredentialTest(spec: TriggerSpec) {
	return async function (
		this: ICredentialTestFunctions,
		credential: ICredentialsDecrypted,
	): Promise<INodeCredentialTestResult> {
		const problem = spec.credentialProblem(credential.data ?? {});
		return problem === undefined
			? { status: 'OK', message: 'The secret has the expected form' }
			: { status: 'Error', message: problem };
	};
}

/** The "Events" picker: '*' for any, then the provider's documented event names. */
function eventsParameter(events: INodePropertyOptions[], description: string): INodeProperties {
	return {
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		required: true,
		default: [],
		description,
		options: [
			{ name: 'Any Event', value: '*', description: 'Every event the provider sends' },
			...events,
		],
	};
}

export const repeatWindowOption: INodeProperties = {
	displayName: 'Ignore Repeats Within (Minutes)',
	name: 'repeatWindowMinutes',
	type: 'number',
	typeOptions: { minValue: 0 },
	default: DEFAULT_REPEAT_WINDOW_MINUTES,
	description:
		'An event whose ID this node accepted less than this many minutes ago starts no execution (0 turns this off). Kept in memory per n8n process: see the README for queue mode.',
};

/**
 * A trigger's fields: how to set the webhook up in the provider's dashboard (shown above
 * the node's URLs), the event picker, and the options.
 */
export function triggerProperties(fields: {
	setup: string;
	events: INodePropertyOptions[];
	eventsDescription: string;
	options?: INodeProperties[];
}): INodeProperties[] {
	return [
		{ displayName: fields.setup, name: 'setupNotice', type: 'notice', default: '' },
		eventsParameter(fields.events, fields.eventsDescription),
		optionsCollection([...(fields.options ?? []), repeatWindowOption]),
	];
}
