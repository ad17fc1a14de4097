import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';
import type { z } from 'zod/v3';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH';

/** One HTTP call to a provider, relative to the credential's base URL. */
export interface ApiCall {
	method: HttpMethod;
	path: string;
	body?: IDataObject;
	/** Query parameters (only those the provider documents for the endpoint). */
	query?: Record<string, string>;
	/** The answer is a JSON array (a list): it is returned under this key. */
	listAs?: string;
	/**
	 * Whether sending the call again can change nothing more than sending it once: a GET, or
	 * an update that sets one session to the same values. A call that is not (a create) is
	 * retried only when it certainly never reached the provider (see transport.ts).
	 */
	safeToResend: boolean;
}

/** The provider's own error code and message, read from an error body. */
export interface ProviderErrorDetails {
	code?: string;
	message?: string;
}

/** What the core needs to know about a provider: everything else is the operation's business. */
export interface Provider {
	/** Name shown in messages, e.g. "Upag". */
	displayName: string;
	credentialType: string;
	/** A credential value the provider cannot work with (named in the message), checked before any request. */
	credentialProblem?(credentials: ICredentialDataDecryptedObject): string | undefined;
	/** The provider's documented base URL for these credentials (used when no override is set). */
	defaultBaseUrl(credentials: ICredentialDataDecryptedObject): string;
	/** Credential fields whose values must never reach output, errors or logs. */
	secretFields: string[];
	/** Extra forms a secret may take on the wire (e.g. the Basic-auth token), derived once per run. */
	secretVariants?(credentials: ICredentialDataDecryptedObject): string[];
	/** Non-auth headers that depend on credential settings (e.g. an API version). */
	headers?(credentials: ICredentialDataDecryptedObject): Record<string, string>;
	/** Reads the provider's code and message out of an error body (shapes differ per provider). */
	parseError(body: unknown): ProviderErrorDetails;
	/** The credential's own `authenticate`: Dry Run shows the headers it adds (masked). */
	authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions>;
}

/** A call as it goes on the wire, with every secret masked: the output of Dry Run. */
export interface RequestPreview extends IDataObject {
	method: HttpMethod;
	url: string;
	headers: IDataObject;
	body?: IDataObject;
}

/** Sends calls for one item; retries, pacing and error mapping happen underneath. */
export interface ApiClient {
	call(call: ApiCall, itemIndex: number): Promise<IDataObject>;
	/** The request `call` would send, secrets masked; nothing is sent. */
	preview(call: ApiCall): Promise<RequestPreview>;
	credentials: ICredentialDataDecryptedObject;
}

/**
 * What an operation does to the provider: `read` only reads; `create` and `update` write
 * (and offer Dry Run). Only an update refuses an item that changes nothing.
 */
export type OperationKind = 'read' | 'create' | 'update';

/**
 * One operation of one provider. The core owns the item loop, validation-to-error mapping,
 * HTTP, retries and errors; the operation says which parameters to read, how to validate
 * them, which call(s) to make and what to output.
 */
export interface OperationSpec<Input extends IDataObject> {
	provider: Provider;
	kind: OperationKind;
	/** The operation's fields as the panel shows them: error messages name fields by these labels. */
	description: INodeProperties[];
	/** Parameter name of the session reference, if the operation is about an existing session. */
	sessionField?: string;
	/** Reads the raw, UI-shaped values of one item into a flat object keyed by parameter name. */
	read(ctx: IExecuteFunctions, itemIndex: number): IDataObject;
	/** Validates and normalises the raw values; issue paths name the parameter. */
	schema: z.ZodType<Input, z.ZodTypeDef, unknown>;
	/** Makes the provider call(s) for one valid item and returns the output JSON. */
	send(input: Input, api: ApiClient, itemIndex: number, options: IDataObject): Promise<IDataObject>;
}

/** An update: about one existing session, and refused when it changes nothing. */
export interface UpdateOperationSpec<Input extends IDataObject> extends OperationSpec<Input> {
	kind: 'update';
	sessionField: string;
}
