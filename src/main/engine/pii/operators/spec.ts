// The operator schema lives with the policy schema (src/shared/policy/operators.ts) so steps and
// the editor can use it; this re-export keeps the operator library's imports in one place.
export { HASH_MIN_LENGTH, operatorSpecSchema, type OperatorSpec, type OperatorSpecInput } from '../../../../shared/policy/operators';
