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
import * as create from './actions/checkoutSession/create.operation';
import * as update from './actions/checkoutSession/update.operation';

export class Sprintcheckout implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Sprintcheckout',
		name: 'sprintcheckout',
		icon: {
			light: 'file:../../icons/sprintcheckout.svg',
			dark: 'file:../../icons/sprintcheckout.dark.svg',
		},
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'Create and update checkout sessions at Sprintcheckout (crypto checkout)',
		defaults: { name: 'Sprintcheckout' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'sprintcheckoutApi', required: true }],
		properties: [
			checkoutSessionResource,
			checkoutSessionOperations(['create', 'update']),
			...create.description,
			...update.description,
			requestOptions([dryRunOption]),
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route(this, { checkoutSession: { create: create.create, update: update.update } });
	}
}
