import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import {
	checkoutSessionOperations,
	checkoutSessionResource,
	dryRunOption,
	requestOptions,
} from '../shared/description';
import { route } from '../shared/operation';
import * as get from './actions/checkoutSession/get.operation';
import * as update from './actions/checkoutSession/update.operation';

export class Upag implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Upag',
		name: 'upag',
		icon: { light: 'file:../../icons/upag.svg', dark: 'file:../../icons/upag.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'Get and update checkout sessions at Upag (card and Pix payments in Brazil)',
		defaults: { name: 'Upag' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'upagApi', required: true }],
		properties: [
			checkoutSessionResource,
			checkoutSessionOperations(['get', 'update']),
			...get.get.description,
			...update.description,
			requestOptions([dryRunOption]),
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route(this, { checkoutSession: { get: get.get, update: update.update } });
	}
}
