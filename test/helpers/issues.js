// @ts-check
'use strict';

/**
 * For an operation's zod schema: a function that parses an input the schema must refuse, and
 * gives its first problem as `path: message` (the test fails when the input is accepted).
 * @param {import('zod/v3').ZodTypeAny} schema
 * @returns {(input: unknown) => string}
 */
function firstIssueOf(schema) {
	return (input) => {
		const result = schema.safeParse(input);
		expect(result.success).toBe(false);
		const [issue] = /** @type {import('zod/v3').ZodError} */ (result.error).issues;
		return `${issue.path.join('.')}: ${issue.message}`;
	};
}

module.exports = { firstIssueOf };
