import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	INodeProperties,
} from 'n8n-workflow';
import type { z } from 'zod/v3';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH';

/** One HTTP call to a provider, relative to the credential's base URL. */
export interface ApiCall {
	method: HttpMethod;
	path: string;
	body?: IDataObject;
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
}

/** Sends calls for one item; retries, pacing and error mapping happen underneath. */
export interface ApiClient {
	call(call: ApiCall, itemIndex: number): Promise<IDataObject>;
	credentials: ICredentialDataDecryptedObject;
}

/**
 * An "update" operation of one provider. The core owns the item loop, validation-to-error
 * mapping, HTTP and errors; the provider says which parameters to read, how to validate
 * them, and which call(s) to make.
 */
export interface UpdateOperationSpec<Input extends IDataObject> {
	provider: Provider;
	/** The operation's fields as the panel shows them: error messages name fields by these labels. */
	description: INodeProperties[];
	/** Parameter name of the session reference, used in "nothing to change" checks. */
	sessionField: string;
	/** Reads the raw, UI-shaped values of one item into a flat object keyed by parameter name. */
	read(ctx: IExecuteFunctions, itemIndex: number): IDataObject;
	/** Validates and normalises the raw values; issue paths name the parameter. */
	schema: z.ZodType<Input, z.ZodTypeDef, unknown>;
	/** Makes the provider call(s) for one valid item and returns the output JSON. */
	send(input: Input, api: ApiClient, itemIndex: number, options: IDataObject): Promise<IDataObject>;
}
