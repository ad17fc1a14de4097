// @ts-check
// The project's Stryker plugins (stryker.config.mjs `plugins`).
import { PluginKind, declareValuePlugin } from '@stryker-mutator/api/plugin';
import editorTextModule from './editorText.js';

export const strykerPlugins = [
	declareValuePlugin(PluginKind.Ignore, 'editorText', editorTextModule.editorText),
];
