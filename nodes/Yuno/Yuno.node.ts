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
import * as get from './actions/checkoutSession/get.operation';
import * as getPaymentMethods from './actions/checkoutSession/getPaymentMethods.operation';
import * as update from './actions/checkoutSession/update.operation';

export class Yuno implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Yuno',
		name: 'yuno',
		icon: { light: 'file:../../icons/yuno.svg', dark: 'file:../../icons/yuno.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description:
			'Create, get and update checkout sessions at Yuno (payment orchestration in Latin America)',
		defaults: { name: 'Yuno' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'yunoApi', required: true }],
		properties: [
			checkoutSessionResource,
			checkoutSessionOperations(['create', 'get', 'getPaymentMethods', 'update']),
			...create.description,
			...get.get.description,
			...getPaymentMethods.description,
			...update.description,
			requestOptions([dryRunOption, ...update.options]),
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route(this, {
			checkoutSession: {
				create: create.create,
				get: get.get,
				getPaymentMethods: getPaymentMethods.getPaymentMethods,
				update: update.update,
			},
		});
	}
}
