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
	requestOptions,
} from '../shared/description';
import { route } from '../shared/operation';
import * as update from './actions/checkoutSession/update.operation';

export class Yuno implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Yuno',
		name: 'yuno',
		icon: { light: 'file:../../icons/yuno.svg', dark: 'file:../../icons/yuno.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'Update checkout sessions at Yuno (payment orchestration in Latin America)',
		defaults: { name: 'Yuno' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'yunoApi', required: true }],
		properties: [
			checkoutSessionResource,
			checkoutSessionOperations,
			...update.description,
			requestOptions(update.options),
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route(this, { checkoutSession: { update: update.update } });
	}
}
