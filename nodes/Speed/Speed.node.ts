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

export class Speed implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Speed',
		name: 'speed',
		icon: { light: 'file:../../icons/speed.svg', dark: 'file:../../icons/speed.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description:
			'Create and update checkout sessions at Speed (bitcoin, lightning and stablecoin payments)',
		defaults: { name: 'Speed' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'speedApi', required: true }],
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
